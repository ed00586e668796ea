namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// What matching proposes for a credit line: the contribution when exactly one fits (<see cref="ContributionId"/>), none
/// when several fit (each is in <see cref="Candidates"/>, the officer chooses) or none fits; always the reason in words.
/// </summary>
public sealed record MatchProposal(Guid? ContributionId, MatchConfidence? Confidence, string Reason, IReadOnlyList<MatchCandidate> Candidates)
{
    public static MatchProposal None(string reason) => new(null, null, reason, []);

    public static MatchProposal Of(IReadOnlyList<MatchCandidate> candidates, string severalReason) => candidates.Count == 1
        ? new MatchProposal(candidates[0].ContributionId, candidates[0].Confidence, candidates[0].Reason, candidates)
        : new MatchProposal(null, null, severalReason, candidates);
}
