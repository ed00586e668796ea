using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

/// <summary>On a contribution's stream: part of its available cash is committed to an allocation.</summary>
public sealed record FundsCommitted(Guid ContributionId, Guid DonorId, Guid AllocationId, decimal AmountChf, Earmark Earmark, DateTimeOffset At,
    ComplianceObligations? Obligations = null)
    : IContributionEvent, ISpendingEvent, ILedgerEvent;
