using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

public static class BudgetDecision
{
    public static Decision<BudgetPlanned> Plan(LineItemBudget? current, int year, BudgetVersion version, IReadOnlyList<BudgetLine> lines,
        ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(ClosedYears.YearOf(year)) is { } shut) return Decision.Refuse<BudgetPlanned>(shut);
        if (year is < 2000 or > 2100) return Decision.Refuse<BudgetPlanned>(Refusal.Invalid("year-invalid", "The year is a budget year such as 2026.",
            "year"));
        if (lines.FirstOrDefault(l => l.Programme is < 1 or > 3) is not null)
            return Decision.Refuse<BudgetPlanned>(Refusal.Invalid("programme-invalid", "Each line's programme is 1, 2 or 3.", "lines"));
        if (lines.Any(l => l.AmountChf < 0 || decimal.Round(l.AmountChf, 2) != l.AmountChf))
            return Decision.Refuse<BudgetPlanned>(Refusal.Invalid("amount-too-precise",
                "Each line's amountChf is zero or more, exact to the centime.",
                "lines"));
        if (lines.GroupBy(l => (l.Programme, l.Use)).Any(g => g.Count() > 1))
            return Decision.Refuse<BudgetPlanned>(Refusal.Invalid("budget-line-repeated", "Each programme and use of funds appears once.", "lines"));
        if (version == BudgetVersion.Revised && current?.Original is null)
            return Decision.Refuse<BudgetPlanned>(Refusal.Conflict("original-budget-missing",
                $"Record the original budget of {year} before revising it."));
        return Decision.Accept(new BudgetPlanned(StreamIds.Budget(year), year, version,
            lines.OrderBy(l => l.Programme).ThenBy(l => l.Use).ToList(), actor.Subject, actor.Now));
    }
}
