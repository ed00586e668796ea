using System.Security.Claims;
using BsgFunds.Api.Delegations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace BsgFunds.Api.Allocations;

public static class ApproveAllocationEndpoint
{
    /// <summary>The TSB Director's approval (or a delegate's, within the delegation). When no BDT sign-off is needed or it is already given, this commits the money.</summary>
    [WolverinePost("/api/allocations/{id}/approve", OperationId = "ApproveAllocation")]
    [Authorize(Roles = AllocationRoles.TsbOrDelegate)]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<SpendingOptions> options, HttpContext http)
    {
        var approver = await Approvers.AuthorisedAsync(session, user, clock);
        await SpendingLock.AcquireAsync(session);
        var stream = await AllocationStreams.FetchOpenAsync(session, id, OpenPeriods.Today(clock), http);
        var actor = user.Actor(clock);
        var approval = AllocationDecisions.ApproveAsTsb(stream.Aggregate!, approver, actor);
        return await AllocationStreams.SignAsync(session, stream, approval, options.Rules(), actor);
    }
}

public static class SignOffAllocationEndpoint
{
    /// <summary>The BDT Director's coordination sign-off. When the TSB approval is already given, this commits the money.</summary>
    [WolverinePost("/api/allocations/{id}/bdt-signoff", OperationId = "SignOffAllocation")]
    [Authorize(Roles = Domain.Security.Roles.BdtDirector)]
    [Tags("Allocations")]
    public static async Task<AllocationChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<SpendingOptions> options, HttpContext http)
    {
        await SpendingLock.AcquireAsync(session);
        var stream = await AllocationStreams.FetchOpenAsync(session, id, OpenPeriods.Today(clock), http);
        var actor = user.Actor(clock);
        var signOff = AllocationDecisions.SignOffAsBdt(stream.Aggregate!, options.Rules(), actor);
        return await AllocationStreams.SignAsync(session, stream, signOff, options.Rules(), actor);
    }
}
