using BsgFunds.Api.Setup;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

/// <summary>What an allocation command answers: the allocation after it.</summary>
public sealed record AllocationChanged(long EventSequence, AllocationView Allocation);

public static class AllocationStreams
{
    public static async Task<IEventStream<Allocation>> FetchAsync(IDocumentSession session, Guid id, HttpContext? http = null,
        CancellationToken ct = default) =>
        Found(await session.Events.FetchForWriting<Allocation>(id, ct), id, http);

    /// <summary>
    /// For the sign-offs, under the spending lock: the allocation and the closed years in one round trip, since
    /// everything between taking the lock and committing is the serial part of every final approval.
    /// </summary>
    public static async Task<IEventStream<Allocation>> FetchOpenAsync(IDocumentSession session, Guid id, DateOnly today, HttpContext http)
    {
        var batch = session.CreateBatchQuery();
        var fetched = batch.Events.FetchForWriting<Allocation>(id);
        var closed = batch.Query<Domain.Audit.Period>().Where(p => p.Closing != null).ToList();
        await batch.Execute();
        var stream = Found(await fetched, id, http);
        Audit.OpenPeriods.EnsureOpen(await closed, today, Audit.OpenPeriods.YearOf(stream.Aggregate!.Request.Year));
        return stream;
    }

    private static IEventStream<Allocation> Found(IEventStream<Allocation> stream, Guid id, HttpContext? http)
    {
        if (stream.Aggregate is null) throw new RefusedException(Refusal.NotFound("allocation-not-found", $"No allocation has the id {id}."));
        Preconditions.Check(http, stream.CurrentVersion ?? 0);
        return stream;
    }

    /// <summary>
    /// Appends a sign-off; when it is the last one needed, also commits the money from the contributions that fund
    /// the allocation, all in one transaction under the spending lock.
    /// </summary>
    public static async Task<AllocationChanged> SignAsync<T>(
        IDocumentSession session, IEventStream<Allocation> stream, Decision<T> signOff, ApprovalRules rules, Actor actor,
            CancellationToken ct = default)
        where T : notnull
    {
        var events = signOff.OrRefuse().Cast<object>().ToList();
        var after = events.Aggregate(stream.Aggregate!, AllocationFold.Apply);
        if (AllocationDecisions.IsFullySignedOff(after, rules))
        {
            var candidates = await FundingCandidatesAsync(session, after.Request.ContributionIds, ct);
            var commitment = AllocationDecisions.Commit(after, candidates, actor).OrRefuse();
            foreach (var committed in commitment.OfType<FundsCommitted>())
            {
                // Fetching for writing pins the version each balance was read at: the commit fails if it moved.
                var contribution = await session.Events.FetchForWriting<Contribution>(committed.ContributionId, ct);
                contribution.AppendOne(committed);
            }

            events.AddRange(commitment.OfType<AllocationApproved>());
            after = commitment.Aggregate(after, AllocationFold.Apply);
        }

        return await CommitAsync(session, stream, events, after, rules, ct);
    }

    /// <summary>
    /// The contributions that could fund an allocation: agreed, with money available or named by the request. Read under
    /// the spending lock, so it is the serial part of every final approval: the database computes the few figures the
    /// choice needs instead of shipping every contribution document (whose receipt list grows) to the API.
    /// </summary>
    private static async Task<IReadOnlyList<FundingCandidate>> FundingCandidatesAsync(IDocumentSession session, IReadOnlyList<Guid> named,
        CancellationToken ct)
    {
        const string available = "(d.data->>'ReceivedChf')::numeric - (d.data->>'PscChf')::numeric - (d.data->>'RefundedChf')::numeric - (d.data->>'CommittedChf')::numeric";
        return await session.QueryAsync<FundingCandidate>(
            $"select jsonb_build_object('ContributionId', d.id, 'DonorId', d.data->'DonorId', 'Earmark', d.data->'Earmark', 'AvailableChf', {available}, " +
            "'OldestReceiptOn', (select min(r->>'ValueDate') from jsonb_array_elements(d.data->'ReceiptDays') r where (r->>'Count')::int > 0)) " +
            $"from {MartenSetup.Schema}.mt_doc_contribution d " +
            $"where jsonb_typeof(d.data->'Agreement') = 'object' and ({available} > 0 or d.id = any(?))",
            ct, named.ToArray());
    }

    public static async Task<AllocationChanged> CommitAsync(
        IDocumentSession session, IEventStream<Allocation> stream, IReadOnlyList<object> events, Allocation after, ApprovalRules rules,
            CancellationToken ct = default)
    {
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        var written = stream.Events.Last();
        Preconditions.SetETag(null, written.Version);
        return new AllocationChanged(written.Sequence, AllocationView.Of(after, rules));
    }

    public static ApprovalRules Rules(this IOptions<SpendingOptions> options) => new(options.Value.BdtSignOffThresholdChf);
}
