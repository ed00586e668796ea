using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public sealed record RejectAllocation([property: Required] string? Reason);

public static class RejectAllocationEndpoint
{
    public static ProblemDetails Validate(RejectAllocation? command) => Inputs.ReasonOnly(command?.Reason, command is null);

    [WolverinePost("/api/allocations/{id}/reject", OperationId = "RejectAllocation")]
    [Authorize(Roles = $"{Roles.TsbDirector},{Roles.BdtDirector}")]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, RejectAllocation command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, IOptions<SpendingOptions> options, HttpContext http)
    {
        var loaded = await AllocationStreams.FetchAsync(session, id, http);
        var role = user.IsInRole(Roles.TsbDirector) ? Roles.TsbDirector : Roles.BdtDirector;
        var rejected = AllocationDecisions.Reject(loaded.State, role, command.Reason!.Trim(), loaded.Closed, user.Actor(clock)).OrRefuse();
        return await AllocationStreams.CommitAsync(session, loaded, [.. rejected], options.Rules(), http);
    }
}
