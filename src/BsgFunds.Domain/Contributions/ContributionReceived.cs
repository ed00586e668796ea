namespace BsgFunds.Domain.Contributions;

/// <summary>
/// Cash arrived (IATI 1). <see cref="AmountChf"/> is at the value date's monthly rate (or an override with a reason);
/// <see cref="ReceivableReliefChf"/> is what it clears of the receivable valued at the agreement's rate; the
/// difference is the exchange gain (positive) or loss. PSC is charged on <see cref="AmountChf"/>.
/// </summary>
public sealed record ContributionReceived(
    Guid ContributionId, Guid DonorId, Money Amount, DateOnly ValueDate, string BankReference,
    decimal RateToChf, string RateSource, string RateMonth, string? RateOverrideReason,
    decimal AmountChf, decimal ReceivableReliefChf, decimal ExchangeDifferenceChf, decimal PscRatePercent, decimal PscChf,
    Earmark Earmark, string RecordedBy, DateTimeOffset RecordedAt, ComplianceObligations? Obligations = null)
    : IContributionEvent, ILedgerEvent;
