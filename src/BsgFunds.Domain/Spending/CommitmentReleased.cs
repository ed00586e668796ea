using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

/// <summary>On a contribution's stream: committed but undisbursed money came back from a closed allocation.</summary>
public sealed record CommitmentReleased(Guid ContributionId, Guid DonorId, Guid AllocationId, decimal AmountChf, Earmark Earmark, DateTimeOffset At,
    ComplianceObligations? Obligations = null)
    : IContributionEvent, ISpendingEvent, ILedgerEvent;
