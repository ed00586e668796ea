using BsgFunds.Api.Allocations;
using BsgFunds.Api.Delegations;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public static class ApproveDisbursementEndpoint
{
    /// <summary>
    /// The TSB Director (or a delegate within the delegation) approves a certified disbursement; not the certifier, not
    /// the requester.
    /// </summary>
    [WolverinePost("/api/disbursements/{id}/approve", OperationId = "ApproveDisbursement")]
    [Authorize(Roles = AllocationRoles.TsbOrDelegate)]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var approver = await Approvers.AuthorisedAsync(session, user, clock);
        var loaded = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, loaded, id, DisbursementDecisions.Approve(loaded.State, id, approver,
            user.Actor(clock)), http);
    }
}
