namespace BsgFunds.Api.Setup;

/// <summary>Configuration section "Spending".</summary>
public sealed class SpendingOptions
{
    /// <summary>Allocations at or above this CHF amount need the BDT Director's sign-off (domain.md §5).</summary>
    public decimal BdtSignOffThresholdChf { get; set; } = 50_000m;
}
