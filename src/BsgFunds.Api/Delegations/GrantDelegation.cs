using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Http;
using BsgFunds.Domain.Security;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Delegations;

/// <summary>The TSB Director lets another person approve in their name, up to a CHF amount each time, until a date (inclusive).</summary>
public sealed record GrantDelegation([property: Required] string? DelegateSub, [property: Required] decimal? LimitChf,
    [property: Required] [property: ForwardLooking] DateOnly? Until);

public static class GrantDelegationEndpoint
{
    public static ProblemDetails Validate(GrantDelegation? command)
    {
        if (command is null) return Problems.MissingBody("{ delegateSub, limitChf, until }");
        var inputs = new Inputs();
        inputs.Text(command.DelegateSub, "delegateSub", 200);
        inputs.Required(command.LimitChf, "limitChf", "CHF per approval");
        inputs.Required(command.Until, "until", "yyyy-MM-dd, the last day");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/delegations", OperationId = "GrantDelegation")]
    [Authorize(Roles = Roles.TsbDirector)]
    [Tags("Allocations")]
    public static Created Post(GrantDelegation command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var granted = DelegationDecision.Grant(Guid.CreateVersion7(), command.DelegateSub!.Trim(), command.LimitChf!.Value, command.Until!.Value,
            user.Actor(clock)).OrRefuse()[0];
        session.Events.StartStream<Delegation>(granted.DelegationId, granted);
        return new Created(granted.DelegationId, $"/api/delegations/{granted.DelegationId}");
    }
}

public static class GetDelegationEndpoint
{
    [WolverineGet("/api/delegations/{id}", OperationId = "GetDelegation")]
    [Authorize(Roles = Allocations.AllocationRoles.StaffAndAuditor)]
    [Tags("Allocations")]
    public static Task<Delegation?> Get(Guid id, IQuerySession session) => session.LoadAsync<Delegation>(id);
}

/// <summary>Who approves in the TSB Director's name: the Director, or the caller's delegation if any.</summary>
public static class Approvers
{
    /// <summary>The approver, refused at once (403) when the caller is neither the Director nor a recorded delegate.</summary>
    public static async Task<Approver> AuthorisedAsync(IQuerySession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var approver = await ForAsync(session, user, clock);
        return approver.IsTsbDirector || approver.Delegation is not null
            ? approver
            : throw new RefusedException(new Domain.Refusal(Domain.RefusalKind.Forbidden, "approver-not-authorised",
                "Only the TSB Director, or a delegate under a recorded delegation, approves."));
    }

    public static async Task<Approver> ForAsync(IQuerySession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var sub = user.FindFirstValue(Claims.Subject)!;
        if (user.IsInRole(Roles.TsbDirector)) return new Approver(sub, true, null);
        var delegations = await session.Query<Delegation>().Where(d => d.DelegateSub == sub).ToListAsync();
        return new Approver(sub, false, Delegation.Best(delegations, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))?.AsGranted());
    }
}
