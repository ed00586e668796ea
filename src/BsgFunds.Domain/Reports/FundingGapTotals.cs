namespace BsgFunds.Domain.Reports;

/// <summary>
/// The fund's funding gap: the programmes' gaps (<see cref="GapBeforePooledChf"/>) less pooled money, which fits every
/// line and is counted here once. <see cref="GapChf"/> = max(0, <see cref="GapBeforePooledChf"/> − <see cref="PooledAvailableChf"/>
/// − <see cref="PooledInstalmentsToComeChf"/>): what no money received or signed for yet covers. Pledges stand beside, never
/// inside: <see cref="PledgesOutstandingChf"/> is every fitting pledge of every level.
/// </summary>
public sealed record FundingGapTotals(
    decimal BudgetChf, decimal CommittedChf, decimal UncommittedBudgetChf, decimal EarmarkedAvailableChf, decimal EarmarkedInstalmentsToComeChf,
    decimal SoftlyEarmarkedAvailableChf, decimal SoftlyEarmarkedInstalmentsToComeChf, decimal GapBeforePooledChf, decimal PooledAvailableChf,
    decimal PooledInstalmentsToComeChf, decimal GapChf, decimal PooledPledgesOutstandingChf, decimal PledgesOutstandingChf);
