namespace BsgFunds.Domain.Contributions;

/// <summary>
/// The contribution agreement was signed (IATI 11). The receivable is valued at the signing month's rate.
/// Revenue is recognised now, or deferred when the agreement has conditions (IPSAS 23).
/// </summary>
public sealed record AgreementSigned(
    Guid ContributionId, Guid DonorId, string Reference, DateOnly SignedOn, Money Amount,
    decimal RateToChf, string RateSource, string RateMonth, decimal AmountChf, decimal PscRatePercent,
    IReadOnlyList<Instalment> Instalments, Earmark Earmark, IReadOnlyList<AgreementCondition> Conditions,
    string RecordedBy, DateTimeOffset RecordedAt, RevenueTerms? Revenue = null) : IContributionEvent, ILedgerEvent;
