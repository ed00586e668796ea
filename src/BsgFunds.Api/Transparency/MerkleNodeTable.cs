using System.Globalization;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Transparency;
using Weasel.Postgresql.Tables;

namespace BsgFunds.Api.Transparency;

/// <summary>
/// The transparency log's tree, as the hashes of its complete subtrees (level 0: the leaves, with their event's
/// sequence). About two rows an event; any root or proof is made of at most 2·log2(n) of them, read in one query.
/// </summary>
public static class MerkleNodeTable
{
    public const string Name = $"{MartenSetup.Schema}.merkle_nodes";

    public static Table Definition()
    {
        var table = new Table(Name);
        table.AddColumn<int>("level").AsPrimaryKey();
        table.AddColumn<long>("idx").AsPrimaryKey();
        table.AddColumn("hash", "bytea").NotNull();
        table.AddColumn<long>("sequence");
        // Only leaves have a sequence: the index holds them alone, half the rows.
        table.Indexes.Add(new IndexDefinition("ix_merkle_nodes_sequence")
        {
            Columns = ["sequence"], IsUnique = true, Predicate = "sequence is not null",
        });
        return table;
    }

    // Every query by sequence says 'sequence is not null', so that it plainly matches the partial index (with the
    // condition left implicit, a generic plan scanned the whole table).

    /// <summary>
    /// Where a batch starting at this sequence grows the tree: the tree's size before that event (the leaf index it
    /// gets) and the last sequence the tree holds, as "size:last". A last at or after the sequence is a replay.
    /// </summary>
    public const string Start =
        $"select coalesce((select idx + 1 from {Name} where sequence is not null and sequence < ? order by sequence desc limit 1), 0) " +
        $"|| ':' || coalesce((select max(sequence) from {Name} where sequence is not null), 0)";

    /// <summary>The leaves the tree has now.</summary>
    public const string Size = $"select coalesce((select idx + 1 from {Name} where level = 0 order by idx desc limit 1), 0)";

    /// <summary>
    /// Forgets every subtree that reaches past a size, so that the tree grows again from there, possibly over other
    /// events: one range of the primary key per level. A rebuild from the first event empties the table instead.
    /// </summary>
    public static string TruncateTo(long size) => size == 0
        ? $"truncate {Name}"
        : $"delete from {Name} where " + string.Join(" or ", Enumerable.Range(0, 63).Select(level =>
            string.Create(CultureInfo.InvariantCulture, $"(level = {level} and idx >= {size >> level})")));

    /// <summary>Writes a batch's complete subtrees in one statement (none is there yet: the batch forgot what lay beyond).</summary>
    public const string Write =
        $"insert into {Name} (level, idx, hash, sequence) select * from unnest(?::int[], ?::bigint[], ?::bytea[], ?::bigint[])";

    // One text column a node: Marten's raw SQL reads scalars on the session's own connection, as the projection needs.
    private const string Read =
        $"select level || ':' || idx || ':' || encode(hash, 'hex') from {Name} where (level, idx) in (select * from unnest(?::int[], ?::bigint[]))";

    public static async Task<Dictionary<TreeNode, byte[]>> ReadAsync(IQuerySession session, IEnumerable<TreeNode> wanted, CancellationToken ct)
    {
        var nodes = wanted.Distinct().ToArray();
        if (nodes.Length == 0) return [];
        var rows = await session.AdvancedSql.QueryAsync<string>(Read, ct, nodes.Select(n => n.Level).ToArray(), nodes.Select(n => n.Index).ToArray());
        return rows.Select(r => r.Split(':')).ToDictionary(
            r => new TreeNode(int.Parse(r[0], CultureInfo.InvariantCulture), long.Parse(r[1], CultureInfo.InvariantCulture)),
            r => Convert.FromHexString(r[2]));
    }

    public static async Task<long> SizeAsync(IQuerySession session, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<long>(Size, ct)).Single();

    /// <summary>The leaf index of the event at this sequence, when the tree has it.</summary>
    public static async Task<long?> LeafIndexAsync(IQuerySession session, long sequence, CancellationToken ct) =>
        (await session.AdvancedSql.QueryAsync<long>($"select idx from {Name} where sequence is not null and sequence = ?", ct,
            sequence)).Cast<long?>().SingleOrDefault();
}
