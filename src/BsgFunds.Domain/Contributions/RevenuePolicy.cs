namespace BsgFunds.Domain.Contributions;

/// <summary>
/// Which revenue standard an agreement falls under (configuration <c>Contributions:Ipsas47From</c>, the first day of the
/// first period under IPSAS 47; default 2026-01-01, its effective date).
/// </summary>
public sealed record RevenuePolicy(DateOnly Ipsas47From)
{
    public static readonly RevenuePolicy Default = new(new DateOnly(2026, 1, 1));

    /// <summary>
    /// The terms of an agreement signed on <paramref name="signedOn"/>: none before IPSAS 47 (IPSAS 23 then); else with
    /// compliance obligations as the officer says, by default when the money is earmarked or the agreement has conditions.
    /// </summary>
    public (RevenueTerms? Terms, Refusal? Refusal) TermsFor(DateOnly signedOn, FundingSource source, Earmark earmark, int conditions,
        bool? complianceObligations)
    {
        if (signedOn < Ipsas47From)
            return complianceObligations is null
                ? (null, null)
                : (null, Refusal.Invalid("compliance-obligations-not-applicable",
                    $"Agreements signed before {Ipsas47From:yyyy-MM-dd} follow IPSAS 23, which has no compliance obligations; leave "
                    + "complianceObligations out.", "complianceObligations"));
        var binding = complianceObligations ?? (earmark.Category != EarmarkCategory.Unearmarked || conditions > 0);
        return (new RevenueTerms(binding, source), null);
    }
}
