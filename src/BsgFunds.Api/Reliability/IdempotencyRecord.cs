namespace BsgFunds.Api.Reliability;

/// <summary>
/// A command done under an Idempotency-Key: inserted in the same transaction as the command's events (so a key
/// exists exactly when its events do), then completed with the response to replay.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Id { get; set; } = string.Empty;

    public string RequestHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Body { get; set; }

    public string? Location { get; set; }
}
