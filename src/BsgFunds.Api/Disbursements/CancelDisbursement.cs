using BsgFunds.Domain.Spending;

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
