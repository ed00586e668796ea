using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class GetAllocationEndpoint
{
    [WolverineGet("/api/allocations/{id}", OperationId = "GetAllocation")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Allocations")]
    public static async Task<AllocationView?> Get(Guid id, IQuerySession session, IOptions<SpendingOptions> options, HttpContext http)
    {
        var allocation = await session.LoadAsync<Allocation>(id);
        if (allocation is null) return null;
        var state = await session.Events.FetchStreamStateAsync(id);
        Preconditions.SetETag(http, state?.Version ?? 0);
        return AllocationView.Of(allocation, options.Rules());
    }
}
