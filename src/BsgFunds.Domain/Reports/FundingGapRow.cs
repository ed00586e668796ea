using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// One CSV row of the funding gap, at one level: a budget line (<c>Line</c>), a programme (<c>Programme</c>) or the fund
/// (<c>Total</c>). Every level reads the same way: <c>gapChf</c> = max(0, <c>needChf</c> − <c>availableChf</c> −
/// <c>instalmentsToComeChf</c>), where the money is that level's own (earmarked to the line, softly earmarked to the
/// programme, pooled) and <c>needChf</c> is what the level below left uncovered (for a line, its budget less what is committed).
/// </summary>
public sealed record FundingGapRow
{
    public required int Year { get; init; }
    public required string Level { get; init; }
    public int? Programme { get; init; }
    public UseOfFunds? Use { get; init; }
    public decimal? BudgetChf { get; init; }
    public decimal? CommittedChf { get; init; }
    public required decimal NeedChf { get; init; }
    public required decimal AvailableChf { get; init; }
    public required decimal InstalmentsToComeChf { get; init; }
    public required decimal GapChf { get; init; }
    public required decimal PledgesOutstandingChf { get; init; }
}
