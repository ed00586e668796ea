using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class AllocationStreams
{
    /// <summary>The allocation's stream for writing and the closed years, in one round trip.</summary>
    public static async Task<(IEventStream<Allocation> Stream, ClosedYears Closed)> FetchAsync(IDocumentSession session, Guid id,
        HttpContext http, CancellationToken ct = default)
    {
        var batch = session.CreateBatchQuery();
        var closed = batch.ClosedYearsAsync();
        var fetched = batch.Events.FetchForWriting<Allocation>(id);
        await batch.Execute(ct);
        return (Found(await fetched, id, http), await closed);
    }

    /// <summary>The fetched stream, or 404 when the allocation does not exist; 412 when If-Match names another version.</summary>
    public static IEventStream<Allocation> Found(IEventStream<Allocation> stream, Guid id, HttpContext http)
    {
        if (stream.Aggregate is null) throw new RefusedException(Refusal.NotFound("allocation-not-found", $"No allocation has the id {id}."));
        Preconditions.Check(http, stream.CurrentVersion ?? 0);
        return stream;
    }

    /// <summary>Commits the decision's events (to every stream they name) and answers with the allocation after them.</summary>
    public static async Task<AllocationChanged> CommitAsync(IDocumentSession session, IEventStream<Allocation> stream,
        IReadOnlyList<object> events, ApprovalRules rules, HttpContext http, CancellationToken ct = default) =>
        Answer(stream, events, rules, await StreamWrite.CommitAsync(session, stream, events, http, ct));

    public static AllocationChanged Answer(IEventStream<Allocation> stream, IReadOnlyList<object> events, ApprovalRules rules, Written written) =>
        new(written.Sequence, AllocationView.Of(events.Aggregate(stream.Aggregate!, AllocationFold.Apply), rules));

    public static ApprovalRules Rules(this IOptions<SpendingOptions> options) => new(options.Value.BdtSignOffThresholdChf);
}
