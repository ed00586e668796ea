namespace BsgFunds.Domain.Spending;

/// <summary>The year's BSG line-item plan: original and revised versions.</summary>
public sealed record LineItemBudget(Guid Id, int Year, IReadOnlyList<BudgetLine>? Original, IReadOnlyList<BudgetLine>? Revised)
{
    public static LineItemBudget Create(BudgetPlanned planned) => new LineItemBudget(planned.BudgetId, planned.Year, null, null).Apply(planned);

    public LineItemBudget Apply(BudgetPlanned planned) => planned.Version == BudgetVersion.Original
        ? this with { Original = planned.Lines }
        : this with { Revised = planned.Lines };
}
