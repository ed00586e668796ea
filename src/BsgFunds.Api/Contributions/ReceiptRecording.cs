using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// The one way a receipt is decided, for a typed receipt (POST /api/contributions/{id}/receipts) and a confirmed bank
/// statement line alike: the contribution, the closed years, the value month's rates and the receipts already holding the
/// bank reference are loaded, and <see cref="ContributionDecisions.RecordReceipt"/> decides. The caller commits.
/// </summary>
public static class ReceiptRecording
{
    /// <param name="preconditions">The request whose If-Match applies to the contribution; null when it names another resource.</param>
    public static async Task<(Loaded<Contribution> Loaded, Decision<ContributionReceived> Decision)> DecideAsync(IDocumentSession session,
        Guid contributionId, Money amount, DateOnly valueDate, string bankReference, decimal? rateToChf, string? rateReason, Actor actor,
        HttpContext? preconditions)
    {
        // The busiest command: the closed years, the contribution and the month's rates come back in one round trip.
        var batch = session.CreateBatchQuery();
        var closed = batch.ClosedYearsAsync();
        var fetched = batch.Events.FetchForWriting<Contribution>(contributionId);
        var monthRates = batch.Load<MonthlyExchangeRates>(StreamIds.ExchangeRates(YearMonth.Of(valueDate)));
        await batch.Execute();
        var stream = await fetched;
        var notFound = ContributionStreams.NotFound(contributionId);
        var state = preconditions is null
            ? stream.Aggregate ?? throw new RefusedException(notFound)
            : Loaded.Found(stream, preconditions, notFound);
        var loaded = new Loaded<Contribution>(stream, state, await closed);
        var receiptsWithReference = await ContributionStreams.ReceiptsWithBankReferenceAsync(session, contributionId, bankReference);
        var decision = ContributionDecisions.RecordReceipt(
            loaded.State, amount, valueDate, bankReference, rateToChf, rateReason, await monthRates, receiptsWithReference, loaded.Closed, actor);
        return (loaded, decision);
    }
}
