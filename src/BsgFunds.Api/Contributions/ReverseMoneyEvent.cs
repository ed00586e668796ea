using BsgFunds.Api.Funding;
using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>Reverses one money event of this contribution (a receipt, write-off or refund), named by its ledger sequence.</summary>
public sealed record ReverseMoneyEvent([property: Required] long? EventSequence, [property: Required] string? Reason);

public static class ReverseMoneyEventEndpoint
{
    public static ProblemDetails Validate(ReverseMoneyEvent? command)
    {
        if (command is null) return Problems.MissingBody("{ eventSequence, reason }");
        var inputs = new Inputs();
        if (inputs.Required(command.EventSequence, "eventSequence",
            "the ledger sequence of the event to reverse") <= 0 && command.EventSequence is not null)
            inputs.Fail("eventSequence", "'eventSequence' is a positive ledger sequence number.");
        inputs.Text(command.Reason, "reason", 1000);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions/{id}/reversals", OperationId = "ReverseMoneyEvent")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<MoneyEventRecorded> Post(Guid id, ReverseMoneyEvent command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var sequence = command.EventSequence!.Value;
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await ContributionStreams.FetchAsync(gate.Reads, id, http);
        var original = await session.Events.QueryAllRawEvents().Where(e => e.Sequence == sequence).FirstOrDefaultAsync();
        var reversed = ContributionDecisions.Reverse(loaded.State, sequence, original?.StreamId, original?.Data, command.Reason!.Trim(),
            loaded.Closed, user.Actor(clock)).OrRefuse().Cast<object>().ToList();
        var written = await gate.CommitAsync(loaded.Stream, reversed, http);
        return ContributionStreams.Recorded(ContributionStreams.Answer(loaded, reversed, written));
    }
}
