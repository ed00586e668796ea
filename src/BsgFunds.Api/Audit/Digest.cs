namespace BsgFunds.Api.Audit;

public sealed record Digest(long Sequence, string Hash, DateTimeOffset TakenAt);
