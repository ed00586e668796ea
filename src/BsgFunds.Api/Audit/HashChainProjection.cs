using BsgFunds.Api.Setup;
using BsgFunds.Domain.Audit;
using JasperFx.Events;
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
        var ids = new List<long>(events.Count);
        var hashes = new List<string>(events.Count);
        var previousHashes = new List<string>(events.Count);
        await foreach (var stored in AuditLog.ReadAsync(operations.DocumentStore, first - 1, last, null, cancellation))
        {
            var next = ChainHash.Of(stored.Event, hash);
            ids.Add(stored.Event.Sequence);
            hashes.Add(next);
            previousHashes.Add(hash);
            hash = next;
        }

        // One statement for the whole batch: a link per event, written as the ChainLink documents Marten reads back.
        // Storing them one by one cost a round of upsert calls per event and dominated the projection's rebuild time.
        operations.QueueSqlCommand(
            $"insert into {MartenSetup.Schema}.mt_doc_chainlink (id, data, mt_dotnet_type) " +
            "select t.id, jsonb_build_object('Id', t.id, 'Hash', t.hash, 'PreviousHash', t.previous), ? " +
            "from unnest(?::bigint[], ?::text[], ?::text[]) as t(id, hash, previous) " +
            "on conflict (id) do update set data = excluded.data, mt_last_modified = transaction_timestamp(), " +
            "mt_version = md5(random()::text || clock_timestamp()::text)::uuid",
            typeof(ChainLink).FullName!, ids.ToArray(), hashes.ToArray(), previousHashes.ToArray());
    }
}
