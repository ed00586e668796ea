namespace BsgFunds.Domain.Audit;

/// <summary>One stored event, as the hash chain reads it (docs/audit.md, "The canonical form").</summary>
public sealed record ChainedEvent(
    long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string Data, string? CorrelationId, string? UserName,
        string? Headers);
