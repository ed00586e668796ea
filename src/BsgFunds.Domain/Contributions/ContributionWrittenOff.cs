namespace BsgFunds.Domain.Contributions;

/// <summary>An unpaid balance was written off; it reduces deferred revenue first, then net assets.</summary>
public sealed record ContributionWrittenOff(
    Guid ContributionId, Guid DonorId, Money Amount, string Reason, DateOnly On,
    decimal AmountChf, decimal FromDeferredRevenueChf, decimal FromNetAssetsChf, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt, ComplianceObligations? Obligations = null) : IContributionEvent, ILedgerEvent;
