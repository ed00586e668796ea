namespace BsgFunds.Domain.Contributions;

/// <summary>A condition of the agreement was met: its share of the deferred revenue is recognised.</summary>
public sealed record ConditionSatisfied(
    Guid ContributionId, Guid DonorId, int Number, DateOnly On, string Evidence, decimal RevenueReleasedChf, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent, ILedgerEvent;
