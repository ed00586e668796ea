using BsgFunds.Domain.Spending;

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
