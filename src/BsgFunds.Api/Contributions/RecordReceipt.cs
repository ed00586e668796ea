using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;

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
        // The busiest command: the closed years, the contribution and the month's rates come back in one round trip.
        var batch = session.CreateBatchQuery();
        var closed = batch.ClosedYearsAsync();
        var fetched = batch.Events.FetchForWriting<Contribution>(id);
        var monthRates = batch.Load<MonthlyExchangeRates>(StreamIds.ExchangeRates(YearMonth.Of(command.ValueDate!.Value)));
        await batch.Execute();
        var stream = await fetched;
        var loaded = new Loaded<Contribution>(stream, Loaded.Found(stream, http, ContributionStreams.NotFound(id)), await closed);
        var rates = await monthRates;
        var bankReference = command.BankReference!.Trim();
        var receiptsWithReference = await ContributionStreams.ReceiptsWithBankReferenceAsync(session, id, bankReference);
        var decision = ContributionDecisions.RecordReceipt(
            loaded.State, amount, command.ValueDate.Value, bankReference, command.RateToChf, command.RateReason, rates, receiptsWithReference,
                loaded.Closed, user.Actor(clock));
        return await ContributionStreams.CommitMoneyEventAsync(session, loaded, decision, http);
    }
}
