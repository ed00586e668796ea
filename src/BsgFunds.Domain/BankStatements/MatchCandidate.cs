namespace BsgFunds.Domain.BankStatements;

/// <summary>A contribution a statement line may pay, how sure that is, and why, in words.</summary>
public sealed record MatchCandidate(Guid ContributionId, Guid DonorId, MatchConfidence Confidence, string Reason);
