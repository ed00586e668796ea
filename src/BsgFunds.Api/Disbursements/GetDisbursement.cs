using BsgFunds.Api.Allocations;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public static class GetDisbursementEndpoint
{
    [WolverineGet("/api/disbursements/{id}", OperationId = "GetDisbursement")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Disbursements")]
    public static async Task<DisbursementView?> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var index = await session.LoadAsync<DisbursementIndex>(id);
        var allocation = index is null ? null : await session.LoadAsync<Allocation>(index.AllocationId);
        if (allocation?.Disbursement(id) is not { } d) return null;
        Preconditions.SetETag(http, (await session.Events.FetchStreamStateAsync(allocation.Id))?.Version ?? 0);
        return DisbursementView.Of(d);
    }
}
