using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace BsgFunds.Api.Allocations;

public static class GetAllocationEndpoint
{
    [WolverineGet("/api/allocations/{id}", OperationId = "GetAllocation")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Allocations")]
    public static async Task<AllocationView?> Get(Guid id, IQuerySession session, IOptions<SpendingOptions> options)
    {
        var allocation = await session.LoadAsync<Allocation>(id);
        if (allocation is null) return null;
        var state = await session.Events.FetchStreamStateAsync(id);
        Preconditions.SetETag(null, state?.Version ?? 0);
        return AllocationView.Of(allocation, options.Rules());
    }
}

public static class ListAllocationsEndpoint
{
    /// <summary>Allocations, of one budget year when year is given.</summary>
    [WolverineGet("/api/allocations", OperationId = "ListAllocations")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Allocations")]
    public static async Task<IReadOnlyList<AllocationView>> Get(int? year, IQuerySession session, IOptions<SpendingOptions> options)
    {
        var all = await session.Query<Allocation>().ToListAsync();
        return all.Where(a => year is null || a.Request.Year == year)
            .OrderBy(a => a.Request.RequestedAt)
            .Select(a => AllocationView.Of(a, options.Rules()))
            .ToList();
    }
}
