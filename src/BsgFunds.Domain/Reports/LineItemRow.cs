using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

/// <summary>One CSV row of the line-item report: a line (<c>Line</c>) or the totals (<c>Total</c>), whose programme and use stay empty.</summary>
public sealed record LineItemRow
{
    public required int Year { get; init; }
    public required string Line { get; init; }
    public int? Programme { get; init; }
    public UseOfFunds? Use { get; init; }
    public required decimal BudgetOriginalChf { get; init; }
    public decimal? BudgetRevisedChf { get; init; }
    public required decimal ReceivedChf { get; init; }
    public required decimal PscChf { get; init; }
    public required decimal AllocatedChf { get; init; }
    public required decimal CommittedChf { get; init; }
    public required decimal DisbursedChf { get; init; }
    public required decimal AvailableChf { get; init; }
    public required decimal PledgesOutstandingChf { get; init; }
}
