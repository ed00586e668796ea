using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Contributions;

// The events of one contribution's stream. Each carries the figures it was decided with (rates, CHF amounts,
// PSC, how a write-off split between deferred revenue and net assets), so that its ledger postings and its
// reversal follow from the event alone, forever.

/// <summary>A donor announced a contribution. Not binding, never money received or spendable (IATI 13).</summary>
public sealed record ContributionPledged(
    Guid ContributionId, Guid DonorId, FundingSource Source, Money Amount, DateOnly PledgedOn, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;

public sealed record Instalment(DateOnly DueOn, Money Amount);

public sealed record AgreementCondition(int Number, string Description);

/// <summary>
/// The contribution agreement was signed (IATI 11). The receivable is valued at the signing month's rate.
/// Revenue is recognised now, or deferred when the agreement has conditions (IPSAS 23).
/// </summary>
public sealed record AgreementSigned(
    Guid ContributionId, Guid DonorId, string Reference, DateOnly SignedOn, Money Amount,
    decimal RateToChf, string RateSource, string RateMonth, decimal AmountChf, decimal PscRatePercent,
    IReadOnlyList<Instalment> Instalments, Earmark Earmark, IReadOnlyList<AgreementCondition> Conditions,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;

/// <summary>A condition of the agreement was met: its share of the deferred revenue is recognised.</summary>
public sealed record ConditionSatisfied(
    Guid ContributionId, Guid DonorId, int Number, DateOnly On, string Evidence, decimal RevenueReleasedChf, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;

/// <summary>
/// Cash arrived (IATI 1). <see cref="AmountChf"/> is at the value date's monthly rate (or an override with a reason);
/// <see cref="ReceivableReliefChf"/> is what it clears of the receivable valued at the agreement's rate; the
/// difference is the exchange gain (positive) or loss. PSC is charged on <see cref="AmountChf"/>.
/// </summary>
public sealed record ContributionReceived(
    Guid ContributionId, Guid DonorId, Money Amount, DateOnly ValueDate, string BankReference,
    decimal RateToChf, string RateSource, string RateMonth, string? RateOverrideReason,
    decimal AmountChf, decimal ReceivableReliefChf, decimal ExchangeDifferenceChf, decimal PscRatePercent, decimal PscChf,
    Earmark Earmark, string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;

/// <summary>An unpaid balance was written off; it reduces deferred revenue first, then net assets.</summary>
public sealed record ContributionWrittenOff(
    Guid ContributionId, Guid DonorId, Money Amount, string Reason, DateOnly On,
    decimal AmountChf, decimal FromDeferredRevenueChf, decimal FromNetAssetsChf, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;

/// <summary>Unspent cash was returned to the donor with its recorded consent.</summary>
public sealed record ContributionRefunded(
    Guid ContributionId, Guid DonorId, decimal AmountChf, string Reason, string DonorConsentReference, DateOnly On, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent, ISpendingEvent;

/// <summary>
/// One money event of the contribution (a receipt, write-off or refund) is reversed. The original stays in the
/// ledger; this event points at its sequence and carries it, so the reversal's postings are its exact negation.
/// </summary>
public sealed record ContributionEventReversed(
    Guid ContributionId, Guid DonorId, long ReversedSequence, string Reason, DateOnly On,
    ContributionReceived? Receipt, ContributionWrittenOff? WriteOff, ContributionRefunded? Refund,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent, ISpendingEvent;

/// <summary>A pledge not yet signed was withdrawn by the donor: it counts nowhere from then on, and can no longer be signed.</summary>
public sealed record PledgeWithdrawn(
    Guid ContributionId, Guid DonorId, DateOnly On, string Reason, Money Pledged, string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;

/// <summary>
/// The signed agreement was amended with the donor: <see cref="Amount"/> and <see cref="Instalments"/> restate the agreed
/// total and the whole schedule, in the agreement's currency. The change is valued at the agreement's carrying rate
/// (<see cref="RateToChf"/>, the signing month's), so the receivable keeps one rate and any difference from the rate at
/// which cash arrives is an exchange difference of the receipt. <see cref="ChangeChf"/> goes to deferred revenue
/// (<see cref="ToDeferredRevenueChf"/>) or to net assets (<see cref="ToNetAssetsChf"/>), as the agreement's revenue did.
/// </summary>
public sealed record AgreementAmended(
    Guid ContributionId, Guid DonorId, string Reference, DateOnly SignedOn, string Reason, Money Amount, IReadOnlyList<Instalment> Instalments,
    Money Change, decimal RateToChf, decimal AmountChf, decimal ChangeChf, decimal ToDeferredRevenueChf, decimal ToNetAssetsChf, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt) : IContributionEvent;
