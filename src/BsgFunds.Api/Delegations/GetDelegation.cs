using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Delegations;

public static class GetDelegationEndpoint
{
    [WolverineGet("/api/delegations/{id}", OperationId = "GetDelegation")]
    [Authorize(Roles = Allocations.AllocationRoles.StaffAndAuditor)]
    [Tags("Allocations")]
    public static Task<Delegation?> Get(Guid id, IQuerySession session) => session.LoadAsync<Delegation>(id);
}
