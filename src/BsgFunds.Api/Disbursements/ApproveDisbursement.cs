using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Allocations;
using BsgFunds.Api.Delegations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Http;
using BsgFunds.Domain.Security;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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
