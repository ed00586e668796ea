using BsgFunds.Api.Contributions;
using BsgFunds.Domain.BankStatements;

namespace BsgFunds.Api.BankStatements;

/// <summary>Confirms a line as the receipt of a contribution: the proposed one when the body names none.</summary>
public sealed record ConfirmStatementLine(Guid? ContributionId);

/// <summary>The receipt recorded from a confirmed line, and the line as it now stands.</summary>
public sealed record StatementLineConfirmed(Guid StatementId, int LineNumber, MoneyEventRecorded Receipt, BankStatementLineView Line, string Url)
    : CreationResponse(Url);

public static class ConfirmStatementLineEndpoint
{
    /// <summary>
    /// The receipt is decided exactly as a typed one (<see cref="ReceiptRecording"/>: the value month's rate, PSC, a bank
    /// reference already recorded refused) and committed with the line's confirmation in one transaction; the statement's
    /// version read here is checked at commit, so a line cannot be confirmed twice, even at the same moment.
    /// </summary>
    [WolverinePost("/api/bank-statements/{id}/lines/{n}/confirm", OperationId = "ConfirmStatementLine")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Bank statements")]
    public static async Task<StatementLineConfirmed> Post(Guid id, int n, ConfirmStatementLine? command, IDocumentSession session,
        ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var actor = user.Actor(clock);
        var statement = await session.Events.FetchForWriting<BankStatement>(id, http.RequestAborted);
        var state = statement.Aggregate ?? throw new RefusedException(BankStatementStreams.NotFound(id));
        var (line, refusal) = BankStatementDecisions.Confirm(state, n, command?.ContributionId, actor);
        if (refusal is not null) throw new RefusedException(refusal);

        var (loaded, decision) = await ReceiptRecording.DecideAsync(session, line!.ContributionId, line.Amount, line.ValueDate, line.BankReference,
            null, null, actor, preconditions: null);
        decision.OrRefuse();
        statement.AppendOne(line.Confirmed);
        var receipt = await ContributionStreams.CommitMoneyEventAsync(session, loaded, decision, http);
        var confirmed = BankStatementLineView.Of(state.Apply(line.Confirmed).Line(n)!);
        return new StatementLineConfirmed(id, n, receipt, confirmed, receipt.Url);
    }
}
