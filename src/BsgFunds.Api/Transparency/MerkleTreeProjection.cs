using System.Globalization;
using BsgFunds.Api.Audit;
using BsgFunds.Domain.Transparency;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BsgFunds.Api.Transparency;

/// <summary>
/// Grows the transparency log's tree as the daemon hands over events, strictly in sequence order: one writer, as for
/// the hash chain. Each batch reads the tree's frontier (at most log2(n) subtrees), hashes the new leaves as stored
/// (jsonb text), and writes every subtree they complete in one statement.
/// </summary>
public sealed class MerkleTreeProjection : IProjection
{
    public const string Name = nameof(MerkleTreeProjection);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return;
        var first = events[0].Sequence;
        var last = events[^1].Sequence;
        var start = (await operations.AdvancedSql.QueryAsync<string>(MerkleNodeTable.Start, cancellation, first)).Single().Split(':');
        var size = long.Parse(start[0], CultureInfo.InvariantCulture);
        // A replay or a rebuild starts again from here: what the tree held beyond is grown anew from the events.
        if (long.Parse(start[1], CultureInfo.InvariantCulture) >= first) operations.QueueSqlCommand(MerkleNodeTable.TruncateTo(size));
        var frontier = await MerkleNodeTable.ReadAsync(operations, TreeAppender.Frontier(size), cancellation);
        var appender = new TreeAppender(size, frontier);

        var levels = new List<int>(events.Count * 2);
        var indexes = new List<long>(events.Count * 2);
        var hashes = new List<byte[]>(events.Count * 2);
        var sequences = new List<long?>(events.Count * 2);
        await foreach (var stored in AuditLog.ReadAsync(operations.DocumentStore, first - 1, last, null, cancellation, withChain: false))
        {
            foreach (var (node, hash) in appender.Append(LogLeaf.Hash(stored.Event)))
            {
                levels.Add(node.Level);
                indexes.Add(node.Index);
                hashes.Add(hash);
                sequences.Add(node.Level == 0 ? stored.Event.Sequence : null);
            }
        }

        operations.QueueSqlCommand(MerkleNodeTable.Write, levels.ToArray(), indexes.ToArray(), hashes.ToArray(), sequences.ToArray());
    }
}
