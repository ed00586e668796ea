namespace BsgFunds.Domain.Audit;

/// <summary>One stored event, as the hash chain reads it (docs/audit.md, "The canonical form").</summary>
public sealed record ChainedEvent(
    long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string Data, string? CorrelationId, string? UserName,
        string? Headers)
{
    /// <summary>
    /// The event's fields as the chain and the transparency log hash them, in their order (docs/audit.md, "The
    /// canonical form"): each form puts its own first line before them, and the chain its previous hash after.
    /// </summary>
    public IEnumerable<string> CanonicalFields() =>
    [
        Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        StreamId.ToString("D"),
        Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Type,
        Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        Data,
        CorrelationId ?? string.Empty,
        UserName ?? string.Empty,
        Headers ?? string.Empty,
    ];
}
