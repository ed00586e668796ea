namespace BsgFunds.Domain.Contributions;

/// <summary>A pledge not yet signed was withdrawn by the donor: it counts nowhere from then on, and can no longer be signed.</summary>
public sealed record PledgeWithdrawn(
    Guid ContributionId, Guid DonorId, DateOnly On, string Reason, Money Pledged, string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;
