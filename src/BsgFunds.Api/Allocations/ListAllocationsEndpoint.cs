using BsgFunds.Api.Lists;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class ListAllocationsEndpoint
{
    public static ProblemDetails Validate(int? page, int? pageSize) => Paging.Validate(page, pageSize);

    /// <summary>Allocations in the order they were requested, of one budget year when year is given.</summary>
    [WolverineGet("/api/allocations", OperationId = "ListAllocations")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Allocations")]
    public static async Task<ListPage<AllocationView>> Get(
        int? year, int? page, int? pageSize, IQuerySession session, IOptions<SpendingOptions> options)
    {
        var query = session.Query<Allocation>().AsQueryable();
        if (year is { } y) query = query.Where(a => a.Request.Year == y);
        var rules = options.Rules();
        return await query.OrderBy(a => a.Request.RequestedAt).ThenBy(a => a.Id)
            .PageAsync(PageRequest.Of(page, pageSize), a => AllocationView.Of(a, rules));
    }
}
