using BsgFunds.Domain.Audit;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace BsgFunds.Api.Audit;

/// <summary>
/// Chains every event, in sequence order, as the async daemon hands them over: one writer, so writers racing to
/// append never fork the chain. It hashes the events as stored (read back as jsonb text), not as deserialized.
/// </summary>
public sealed class HashChainProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return;
        var first = events[0].Sequence;
        var last = events[^1].Sequence;
        var previous = await operations.Query<ChainLink>().Where(l => l.Id < first).OrderByDescending(l => l.Id).FirstOrDefaultAsync(cancellation);
        var hash = previous?.Hash ?? ChainHash.Genesis;
        await foreach (var stored in AuditLog.ReadAsync(operations.DocumentStore, first - 1, last, null, cancellation))
        {
            var next = ChainHash.Of(stored.Event, hash);
            operations.Store(new ChainLink { Id = stored.Event.Sequence, Hash = next, PreviousHash = hash });
            hash = next;
        }
    }
}
