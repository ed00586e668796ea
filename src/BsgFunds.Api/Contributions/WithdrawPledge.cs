using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>The donor withdrew a pledge that was not yet signed, on a date, for a stated reason.</summary>
public sealed record WithdrawPledge([property: Required] DateOnly? On, [property: Required] string? Reason);

public static class WithdrawPledgeEndpoint
{
    public static ProblemDetails Validate(WithdrawPledge? command)
    {
        if (command is null) return Problems.MissingBody("{ on, reason }");
        var inputs = new Inputs();
        inputs.Required(command.On, "on", "yyyy-MM-dd");
        inputs.Text(command.Reason, "reason", 1000);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>Withdraws a pledge not yet signed (status Withdrawn): it counts nowhere from then on and can no longer be signed.</summary>
    [WolverinePost("/api/contributions/{id}/withdrawal", OperationId = "WithdrawPledge")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<ContributionChanged> Post(
        Guid id, WithdrawPledge command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var loaded = await ContributionStreams.FetchAsync(session, id, http);
        var decision = ContributionDecisions.Withdraw(loaded.State, command.On!.Value, command.Reason!.Trim(), loaded.Closed, user.Actor(clock));
        return await ContributionStreams.CommitAsync(session, loaded, decision, http);
    }
}
