using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Contributions;

/// <summary>Unspent cash was returned to the donor with its recorded consent.</summary>
public sealed record ContributionRefunded(
    Guid ContributionId, Guid DonorId, decimal AmountChf, string Reason, string DonorConsentReference, DateOnly On, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt, ComplianceObligations? Obligations = null) : IContributionEvent, ISpendingEvent, ILedgerEvent;
