using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Contributions;

/// <summary>
/// One money event of the contribution (a receipt, write-off or refund) is reversed. The original stays in the
/// ledger; this event points at its sequence and carries it, so the reversal's postings are its exact negation.
/// </summary>
public sealed record ContributionEventReversed(
    Guid ContributionId, Guid DonorId, long ReversedSequence, string Reason, DateOnly On,
    ContributionReceived? Receipt, ContributionWrittenOff? WriteOff, ContributionRefunded? Refund,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent, ISpendingEvent, ILedgerEvent;
