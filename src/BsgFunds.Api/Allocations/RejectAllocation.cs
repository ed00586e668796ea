using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Security;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

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
        var stream = await AllocationStreams.FetchAsync(session, id, http);
        var role = user.IsInRole(Roles.TsbDirector) ? Roles.TsbDirector : Roles.BdtDirector;
        var rejected = AllocationDecisions.Reject(stream.Aggregate!, role, command.Reason!.Trim(), user.Actor(clock)).OrRefuse();
        return await AllocationStreams.CommitAsync(session, stream, rejected, stream.Aggregate!.Apply(rejected[0]), options.Rules());
    }
}

public static class CloseAllocationEndpoint
{
    /// <summary>Closes an approved allocation; what is committed and not disbursed goes back to its contributions.</summary>
    [WolverinePost("/api/allocations/{id}/close", OperationId = "CloseAllocation")]
    [Authorize(Roles = $"{Roles.ProgrammeOfficer},{Roles.TsbDirector}")]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<SpendingOptions> options, HttpContext http)
    {
        var stream = await AllocationStreams.FetchAsync(session, id, http);
        await OpenPeriods.EnsureOpenAsync(session, OpenPeriods.Today(clock));
        var events = AllocationDecisions.Close(stream.Aggregate!, user.Actor(clock)).OrRefuse();
        foreach (var released in events.OfType<CommitmentReleased>())
        {
            var contribution = await session.Events.FetchForWriting<Domain.Contributions.Contribution>(released.ContributionId);
            contribution.AppendOne(released);
        }

        var own = events.OfType<AllocationClosed>().Cast<object>().ToList();
        return await AllocationStreams.CommitAsync(session, stream, own, own.Aggregate(stream.Aggregate!, AllocationFold.Apply), options.Rules());
    }
}
