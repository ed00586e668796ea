using BsgFunds.Api.Allocations;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Spending;
using Marten.Services.BatchQuerying;

namespace BsgFunds.Api.Disbursements;

public static class DisbursementStreams
{
    /// <summary>The allocation stream a disbursement lives in, for writing, and the closed years.</summary>
    public static async Task<Loaded<Allocation>> FetchAsync(IDocumentSession session, Guid disbursementId, HttpContext http,
        CancellationToken ct = default) =>
        await AllocationStreams.FetchAsync(session, await AllocationOfAsync(session, disbursementId, ct), http, ct);

    /// <summary>The same, the allocation read with whatever the batch already holds (inside the spending gate, the lock first).</summary>
    public static async Task<Loaded<Allocation>> FetchAsync(IDocumentSession session, IBatchedQuery batch, Guid disbursementId,
        HttpContext http, CancellationToken ct = default) =>
        await AllocationStreams.FetchAsync(batch, await AllocationOfAsync(session, disbursementId, ct), http, ct);

    // A disbursement never moves to another allocation, so this is read before the gate's lock at no risk.
    private static async Task<Guid> AllocationOfAsync(IDocumentSession session, Guid disbursementId, CancellationToken ct) =>
        (await session.LoadAsync<DisbursementIndex>(disbursementId, ct)
            ?? throw new RefusedException(Refusal.NotFound("disbursement-not-found", $"No disbursement has the id {disbursementId}.")))
        .AllocationId;

    /// <summary>Commits the decision's events and answers with the disbursement after them.</summary>
    public static async Task<DisbursementChanged> CommitAsync<T>(IDocumentSession session, Loaded<Allocation> loaded, Guid disbursementId,
        Decision<T> decision, HttpContext http, CancellationToken ct = default)
        where T : notnull
    {
        var events = decision.OrRefuse().Cast<object>().ToList();
        return Answer(loaded, disbursementId, events, await StreamWrite.CommitAsync(session, loaded.Stream, events, http, ct));
    }

    public static DisbursementChanged Answer(Loaded<Allocation> loaded, Guid disbursementId, IReadOnlyList<object> events, Written written)
    {
        var after = events.Aggregate(loaded.State, AllocationFold.Apply);
        return new DisbursementChanged(written.Sequence, DisbursementView.Of(after.Disbursement(disbursementId)!));
    }
}
