namespace BsgFunds.Api.Contributions;

/// <summary>What a contribution command answers: the event it wrote, its ledger sequence, and the contribution after it.</summary>
public sealed record ContributionChanged(Guid Id, long EventSequence, ContributionView Contribution);
