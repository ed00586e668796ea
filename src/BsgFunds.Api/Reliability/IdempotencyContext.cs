namespace BsgFunds.Api.Reliability;

/// <summary>The key of the request being handled, for the session listener to record with its events.</summary>
public sealed class IdempotencyContext(string recordId, string requestHash)
{
    public const string ItemKey = "bsgfunds.idempotency";

    public string RecordId { get; } = recordId;

    public string RequestHash { get; } = requestHash;

    public bool Recorded { get; set; }
}
