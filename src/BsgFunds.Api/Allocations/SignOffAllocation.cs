using BsgFunds.Api.Funding;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class SignOffAllocationEndpoint
{
    /// <summary>The BDT Director's coordination sign-off. When the TSB approval is already given, this commits the money.</summary>
    [WolverinePost("/api/allocations/{id}/bdt-signoff", OperationId = "SignOffAllocation")]
    [Authorize(Roles = Domain.Security.Roles.BdtDirector)]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<SpendingOptions> options, HttpContext http)
    {
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await AllocationStreams.FetchAsync(gate.Reads, id, http);
        var candidates = await gate.FundingCandidatesAsync(loaded.State.Request.ContributionIds);
        var events = AllocationDecisions.SignOffAsBdt(loaded.State, options.Rules(), candidates, loaded.Closed, user.Actor(clock)).OrRefuse();
        return AllocationStreams.Answer(loaded, events, options.Rules(), await gate.CommitAsync(loaded.Stream, events, http));
    }
}
