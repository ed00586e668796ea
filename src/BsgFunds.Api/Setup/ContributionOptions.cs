namespace BsgFunds.Api.Setup;

/// <summary>Configuration section "Contributions".</summary>
public sealed class ContributionOptions
{
    /// <summary>The programme support cost rate of an agreement that does not name one (domain.md §2.4).</summary>
    public decimal DefaultPscRatePercent { get; set; } = 7m;
}
