using BsgFunds.Api.Delegations;
using BsgFunds.Api.Funding;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class ApproveAllocationEndpoint
{
    /// <summary>
    /// The TSB Director's approval (or a delegate's, within the delegation). When no BDT sign-off is needed or it is already
    /// given, this is the final approval and commits the money.
    /// </summary>
    [WolverinePost("/api/allocations/{id}/approve", OperationId = "ApproveAllocation")]
    [Authorize(Roles = AllocationRoles.TsbOrDelegate)]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<SpendingOptions> options, HttpContext http)
    {
        var approver = await Approvers.AuthorisedAsync(session, user, clock);
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await AllocationStreams.FetchAsync(gate.Reads, id, http);
        var candidates = await gate.FundingCandidatesAsync(loaded.State.Request.ContributionIds);
        var events = AllocationDecisions.ApproveAsTsb(loaded.State, approver, options.Rules(), candidates, loaded.Closed, user.Actor(clock))
            .OrRefuse();
        return AllocationStreams.Answer(loaded, events, options.Rules(), await gate.CommitAsync(loaded.Stream, events, http));
    }
}
