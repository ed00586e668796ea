using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// A budget line of the funding gap. Only money that fits this line alone (earmarked to its programme and use, or tightly
/// earmarked to one of its allocations) is counted here; money that fits several lines is counted once, on its programme
/// (softly earmarked) or on the fund (pooled). <see cref="GapBeforeSharedChf"/> =
/// max(0, <see cref="BudgetChf"/> − <see cref="CommittedChf"/> − <see cref="EarmarkedAvailableChf"/> −
/// <see cref="EarmarkedInstalmentsToComeChf"/>).
/// </summary>
public sealed record FundingGapLine(
    int Programme, UseOfFunds Use, decimal BudgetChf, decimal CommittedChf, decimal UncommittedBudgetChf, decimal EarmarkedAvailableChf,
    decimal EarmarkedInstalmentsToComeChf, decimal GapBeforeSharedChf, decimal EarmarkedPledgesOutstandingChf);
