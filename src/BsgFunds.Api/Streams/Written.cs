namespace BsgFunds.Api.Streams;

/// <summary>What a commit wrote to the command's own stream: its last event (id and ledger sequence) and the stream's new version.</summary>
public sealed record Written(Guid EventId, long Sequence, long Version);
