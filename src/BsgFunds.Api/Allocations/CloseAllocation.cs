using BsgFunds.Api.Funding;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class CloseAllocationEndpoint
{
    /// <summary>Closes an approved allocation; what is committed and not disbursed goes back to its contributions.</summary>
    [WolverinePost("/api/allocations/{id}/close", OperationId = "CloseAllocation")]
    [Authorize(Roles = $"{Roles.ProgrammeOfficer},{Roles.TsbDirector}")]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<SpendingOptions> options, HttpContext http)
    {
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await AllocationStreams.FetchAsync(gate.Reads, id, http);
        var events = AllocationDecisions.Close(loaded.State, loaded.Closed, user.Actor(clock)).OrRefuse();
        return AllocationStreams.Answer(loaded, events, options.Rules(), await gate.CommitAsync(loaded.Stream, events, http));
    }
}
