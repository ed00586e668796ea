using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using JasperFx.Events;
using Marten.Services.BatchQuerying;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// Loading and committing a contribution's stream. The decision in between is pure; the version read here is
/// checked when the events are committed, so two commands racing on one contribution cannot both succeed.
/// </summary>
public static class ContributionStreams
{
    /// <summary>The contribution's stream for writing and the closed years, in one round trip.</summary>
    public static Task<Loaded<Contribution>> FetchAsync(IDocumentSession session, Guid id, HttpContext http, CancellationToken ct = default) =>
        FetchAsync(session.CreateBatchQuery(), id, http, ct);

    /// <summary>The same, with whatever the batch already holds (inside the spending gate, the lock first).</summary>
    public static Task<Loaded<Contribution>> FetchAsync(IBatchedQuery batch, Guid id, HttpContext http, CancellationToken ct = default) =>
        Loaded.FetchAsync<Contribution>(batch, id, http, NotFound(id), ct);

    /// <summary>
    /// The sequences of a contribution's receipts with a bank reference, from the stored events (an index on the event
    /// table serves it: deploy/sql/append-only.sql). Racing receipts with one reference cannot both pass: they append to
    /// the same stream, whose version is checked at commit.
    /// </summary>
    public static async Task<IReadOnlyList<long>> ReceiptsWithBankReferenceAsync(IQuerySession session, Guid contributionId,
        string bankReference, CancellationToken ct = default) =>
        await session.QueryAsync<long>(
            $"select seq_id from {MartenSetup.Schema}.mt_events "
            + "where stream_id = ? and type = 'contribution_received' and data->>'BankReference' = ?",
            ct, contributionId, bankReference);

    public static Refusal NotFound(Guid id) => Refusal.NotFound("contribution-not-found", $"No contribution has the id {id}.");

    /// <summary>Commits the decision's events; the answer carries the contribution's figures and version, folded in memory.</summary>
    public static async Task<ContributionChanged> CommitAsync<T>(IDocumentSession session, Loaded<Contribution> loaded,
        Decision<T> decision, HttpContext http, CancellationToken ct = default)
        where T : notnull
    {
        var events = decision.OrRefuse().Cast<object>().ToList();
        return Answer(loaded, events, await StreamWrite.CommitAsync(session, loaded.Stream, events, http, ct));
    }

    /// <summary>The answer to a command on a contribution: its list of money events, which grows with every receipt, is on
    /// GET /api/contributions/{id}; re-reading the stream here cost every command.</summary>
    public static ContributionChanged Answer(Loaded<Contribution> loaded, IReadOnlyList<object> events, Written written)
    {
        var after = events.Aggregate(loaded.State, ContributionFold.Apply);
        return new ContributionChanged(written.EventId, written.Sequence, ContributionView.Of(after, written.Version));
    }

    public static async Task<MoneyEventRecorded> CommitMoneyEventAsync<T>(IDocumentSession session, Loaded<Contribution> loaded,
        Decision<T> decision, HttpContext http, CancellationToken ct = default)
        where T : notnull =>
        Recorded(await CommitAsync(session, loaded, decision, http, ct));

    public static MoneyEventRecorded Recorded(ContributionChanged changed) =>
        new(changed.Id, changed.EventSequence, changed.Contribution, $"/api/contributions/{changed.Contribution.Id}");
}
