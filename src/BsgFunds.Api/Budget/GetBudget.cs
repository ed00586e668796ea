using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Budget;

public static class GetBudgetEndpoint
{
    [WolverineGet("/api/budget/{year}", OperationId = "GetBudget")]
    [Authorize(Roles = Allocations.AllocationRoles.StaffAndAuditor)]
    [Tags("Budget")]
    public static async Task<BudgetView?> Get(int year, IQuerySession session) =>
        await session.LoadAsync<LineItemBudget>(StreamIds.Budget(year)) is { } budget ? BudgetView.Of(budget) : null;
}
