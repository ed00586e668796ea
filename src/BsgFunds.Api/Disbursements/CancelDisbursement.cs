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

public sealed record CancelDisbursement([property: Required] string? Reason);

public static class CancelDisbursementEndpoint
{
    public static ProblemDetails Validate(CancelDisbursement? command) => Inputs.ReasonOnly(command?.Reason, command is null);

    /// <summary>Cancels an unpaid disbursement; its amount is free again on the allocation.</summary>
    [WolverinePost("/api/disbursements/{id}/cancel", OperationId = "CancelDisbursement")]
    [Authorize(Roles = $"{Roles.ProgrammeOfficer},{Roles.TsbDirector}")]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, CancelDisbursement command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var loaded = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, loaded, id, DisbursementDecisions.Cancel(loaded.State, id,
            command.Reason!.Trim(), user.Actor(clock)), http);
    }
}
