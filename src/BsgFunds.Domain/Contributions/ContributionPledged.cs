namespace BsgFunds.Domain.Contributions;

/// <summary>A donor announced a contribution. Not binding, never money received or spendable (IATI 13).</summary>
public sealed record ContributionPledged(
    Guid ContributionId, Guid DonorId, FundingSource Source, Money Amount, DateOnly PledgedOn, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;
