using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public static class CertifyDisbursementEndpoint
{
    /// <summary>A programme officer certifies that what is paid for was delivered.</summary>
    [WolverinePost("/api/disbursements/{id}/certify", OperationId = "CertifyDisbursement")]
    [Authorize(Roles = Roles.ProgrammeOfficer)]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var loaded = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, loaded, id, DisbursementDecisions.Certify(loaded.State, id, user.Actor(clock)),
            http);
    }
}
