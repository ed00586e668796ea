namespace BsgFunds.Domain.Reports;

/// <summary>
/// A programme of the funding gap: what its lines still need (<see cref="LinesGapChf"/>, the sum of their gaps), less the
/// money softly earmarked to the programme, which may fund any of its lines and is counted here once.
/// <see cref="GapBeforePooledChf"/> = max(0, <see cref="LinesGapChf"/> − <see cref="SoftlyEarmarkedAvailableChf"/> −
/// <see cref="SoftlyEarmarkedInstalmentsToComeChf"/>).
/// </summary>
public sealed record FundingGapProgramme(
    int Programme, decimal LinesGapChf, decimal SoftlyEarmarkedAvailableChf, decimal SoftlyEarmarkedInstalmentsToComeChf, decimal GapBeforePooledChf,
    decimal SoftlyEarmarkedPledgesOutstandingChf);
