namespace BsgFunds.Api.Contributions;

/// <summary>Cash received against the agreement. rateToChf overrides the month's recorded rate and then needs rateReason.</summary>
public sealed record RecordReceipt([property: Required] MoneyInput? Amount, [property: Required] DateOnly? ValueDate,
    [property: Required] string? BankReference, decimal? RateToChf, string? RateReason);

public static class RecordReceiptEndpoint
{
    public static ProblemDetails Validate(RecordReceipt? command)
    {
        if (command is null) return Problems.MissingBody("{ amount, valueDate, bankReference, rateToChf?, rateReason? }");
        var inputs = new Inputs();
        inputs.Money(command.Amount, "amount");
        inputs.Required(command.ValueDate, "valueDate", "yyyy-MM-dd");
        inputs.Text(command.BankReference, "bankReference", 100);
        inputs.Text(command.RateReason, "rateReason", 500, required: false);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions/{id}/receipts", OperationId = "RecordReceipt")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<MoneyEventRecorded> Post(Guid id, RecordReceipt command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var amount = new Inputs().Money(command.Amount, "amount")!;
        var (loaded, decision) = await ReceiptRecording.DecideAsync(session, id, amount, command.ValueDate!.Value, command.BankReference!.Trim(),
            command.RateToChf, command.RateReason, user.Actor(clock), http);
        return await ContributionStreams.CommitMoneyEventAsync(session, loaded, decision, http);
    }
}
