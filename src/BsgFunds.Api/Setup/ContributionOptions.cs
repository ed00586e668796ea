using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Setup;

/// <summary>Configuration section "Contributions".</summary>
public sealed class ContributionOptions
{
    /// <summary>The programme support cost rate of an agreement that does not name one (domain.md §2.4).</summary>
    public decimal DefaultPscRatePercent { get; set; } = 7m;

    /// <summary>
    /// The first day of the first period whose revenue follows IPSAS 47 (agreements signed before keep IPSAS 23; decision 0011).
    /// </summary>
    public DateOnly Ipsas47From { get; set; } = RevenuePolicy.Default.Ipsas47From;

    public RevenuePolicy RevenuePolicy => new(Ipsas47From);
}
