using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>Condition n of the agreement is met, on a date, with evidence: its share of deferred revenue is recognised.</summary>
public sealed record SatisfyCondition([property: Required] DateOnly? On, [property: Required] string? Evidence);

public static class SatisfyConditionEndpoint
{
    public static ProblemDetails Validate(SatisfyCondition? command)
    {
        if (command is null) return Problems.MissingBody("{ on, evidence }");
        var inputs = new Inputs();
        inputs.Required(command.On, "on", "yyyy-MM-dd");
        inputs.Text(command.Evidence, "evidence", 1000);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions/{id}/conditions/{n}/satisfied", OperationId = "SatisfyCondition")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<ContributionChanged> Post(Guid id, int n, SatisfyCondition command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var loaded = await ContributionStreams.FetchAsync(session, id, http);
        var decision = ContributionDecisions.SatisfyCondition(loaded.State, n, command.On!.Value, command.Evidence!.Trim(), loaded.Closed,
            user.Actor(clock));
        return await ContributionStreams.CommitAsync(session, loaded, decision, http);
    }
}
