using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// The agreement's terms in force (as signed, or as last amended), with its amendments in order. RevenueStandard says how its
/// revenue is recognised (docs/ledger.md): "IPSAS 23", or "IPSAS 47" with ComplianceObligations true or false.
/// </summary>
public sealed record AgreementView(
    string Reference, DateOnly SignedOn, Money Amount, decimal RateToChf, string RateMonth, string RateSource, decimal AmountChf,
    decimal PscRatePercent, IReadOnlyList<Instalment> Instalments, IReadOnlyList<ConditionView> Conditions, IReadOnlyList<AmendmentView> Amendments,
    string RevenueStandard, bool ComplianceObligations);
