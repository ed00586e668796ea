using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Budget;

public sealed record BudgetView(int Year, IReadOnlyList<BudgetLine>? Original, IReadOnlyList<BudgetLine>? Revised, decimal OriginalTotalChf,
    decimal? RevisedTotalChf)
{
    public static BudgetView Of(LineItemBudget b) =>
        new(b.Year, b.Original, b.Revised, b.Original?.Sum(l => l.AmountChf) ?? 0m, b.Revised?.Sum(l => l.AmountChf));
}
