using BsgFunds.Domain.Audit;

namespace BsgFunds.Api.Audit;

public static class GetPeriodEndpoint
{
    [WolverineGet("/api/periods/{year}", OperationId = "GetPeriod")]
    [Authorize(Roles = Allocations.AllocationRoles.StaffAndAuditor)]
    [Tags("Audit")]
    public static async Task<PeriodView?> Get(int year, IQuerySession session) =>
        await session.LoadAsync<Period>(StreamIds.Period(year)) is { } p ? PeriodView.Of(p) : null;
}
