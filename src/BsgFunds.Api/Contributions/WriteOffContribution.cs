using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>Writes off part or all of the unpaid balance, in the agreement's currency, for a stated reason.</summary>
public sealed record WriteOffContribution([property: Required] MoneyInput? Amount, [property: Required] string? Reason);

public static class WriteOffContributionEndpoint
{
    public static ProblemDetails Validate(WriteOffContribution? command)
    {
        if (command is null) return Problems.MissingBody("{ amount, reason }");
        var inputs = new Inputs();
        inputs.Money(command.Amount, "amount");
        inputs.Text(command.Reason, "reason", 1000);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions/{id}/write-offs", OperationId = "WriteOffContribution")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<MoneyEventRecorded> Post(Guid id, WriteOffContribution command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var amount = new Inputs().Money(command.Amount, "amount")!;
        var loaded = await ContributionStreams.FetchAsync(session, id, http);
        var decision = ContributionDecisions.WriteOff(loaded.State, amount, command.Reason!.Trim(), loaded.Closed, user.Actor(clock));
        return await ContributionStreams.CommitMoneyEventAsync(session, loaded, decision, http);
    }
}
