using BsgFunds.Domain.Spending;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Allocations;

public sealed partial class BudgetProjection : SingleStreamProjection<LineItemBudget, Guid>
{
    public static LineItemBudget Create(BudgetPlanned e) => LineItemBudget.Create(e);

    public static LineItemBudget Apply(BudgetPlanned e, LineItemBudget b) => b.Apply(e);
}
