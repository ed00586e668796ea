using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>The agreement's terms in force (as signed, or as last amended), with its amendments in order.</summary>
public sealed record AgreementView(
    string Reference, DateOnly SignedOn, Money Amount, decimal RateToChf, string RateMonth, string RateSource, decimal AmountChf,
    decimal PscRatePercent, IReadOnlyList<Instalment> Instalments, IReadOnlyList<ConditionView> Conditions, IReadOnlyList<AmendmentView> Amendments);
