using BsgFunds.Domain.BankStatements;

namespace BsgFunds.Api.BankStatements;

/// <summary>Sets a line aside: no receipt is recorded from it, for the reason given.</summary>
public sealed record SetStatementLineAside([property: Required] string? Reason);

/// <summary>The line as it now stands.</summary>
public sealed record StatementLineSetAside(Guid StatementId, BankStatementLineView Line);

public static class SetStatementLineAsideEndpoint
{
    public static ProblemDetails Validate(SetStatementLineAside? command)
    {
        if (command is null) return Problems.MissingBody("{ reason }");
        var inputs = new Inputs();
        inputs.Text(command.Reason, "reason", 500);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/bank-statements/{id}/lines/{n}/set-aside", OperationId = "SetStatementLineAside")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Bank statements")]
    public static async Task<StatementLineSetAside> Post(Guid id, int n, SetStatementLineAside command, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var statement = await session.Events.FetchForWriting<BankStatement>(id, http.RequestAborted);
        var state = statement.Aggregate ?? throw new RefusedException(BankStatementStreams.NotFound(id));
        var setAside = BankStatementDecisions.SetAside(state, n, command.Reason!, user.Actor(clock)).OrRefuse()[0];
        statement.AppendOne(setAside);
        await session.SaveChangesAsync(http.RequestAborted);
        return new StatementLineSetAside(id, BankStatementLineView.Of(state.Apply(setAside).Line(n)!));
    }
}
