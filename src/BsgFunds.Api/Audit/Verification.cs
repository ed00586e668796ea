namespace BsgFunds.Api.Audit;

public sealed record Verification(bool Intact, long Sequence, string Hash, string RecomputedHash, long? FirstBrokenSequence, string Detail);
