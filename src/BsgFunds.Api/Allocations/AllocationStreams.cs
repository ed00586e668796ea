using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

public static class AllocationStreams
{
    /// <summary>The allocation's stream for writing and the closed years, in one round trip.</summary>
    public static Task<Loaded<Allocation>> FetchAsync(IDocumentSession session, Guid id, HttpContext http, CancellationToken ct = default) =>
        FetchAsync(session.CreateBatchQuery(), id, http, ct);

    /// <summary>The same, with whatever the batch already holds (inside the spending gate, the lock first).</summary>
    public static Task<Loaded<Allocation>> FetchAsync(IBatchedQuery batch, Guid id, HttpContext http, CancellationToken ct = default) =>
        Loaded.FetchAsync<Allocation>(batch, id, http, NotFound(id), ct);

    private static Refusal NotFound(Guid id) => Refusal.NotFound("allocation-not-found", $"No allocation has the id {id}.");

    /// <summary>Commits the decision's events (to every stream they name) and answers with the allocation after them.</summary>
    public static async Task<AllocationChanged> CommitAsync(IDocumentSession session, Loaded<Allocation> loaded,
        IReadOnlyList<object> events, ApprovalRules rules, HttpContext http, CancellationToken ct = default) =>
        Answer(loaded, events, rules, await StreamWrite.CommitAsync(session, loaded.Stream, events, http, ct));

    public static AllocationChanged Answer(Loaded<Allocation> loaded, IReadOnlyList<object> events, ApprovalRules rules, Written written) =>
        new(written.Sequence, AllocationView.Of(events.Aggregate(loaded.State, AllocationFold.Apply), rules));

    public static ApprovalRules Rules(this IOptions<SpendingOptions> options) => new(options.Value.BdtSignOffThresholdChf);
}
