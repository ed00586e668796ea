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
        table.Indexes.Add(new IndexDefinition("ix_merkle_nodes_sequence") { Columns = ["sequence"], IsUnique = true });
        return table;
    }

    /// <summary>The size of the tree before the event at this sequence: the leaf index that event gets.</summary>
    public const string SizeBefore = $"select coalesce((select idx + 1 from {Name} where sequence < ? order by sequence desc limit 1), 0)";

    /// <summary>The leaves the tree has now.</summary>
    public const string Size = $"select coalesce((select idx + 1 from {Name} where level = 0 order by idx desc limit 1), 0)";

    /// <summary>
    /// Forgets every subtree that reaches past a size: a replay or rebuild from there grows the tree again, possibly
    /// over other events (one probe of the primary key per level).
    /// </summary>
    public const string TruncateTo = $"delete from {Name} t using generate_series(0, 62) as g(l) where t.level = g.l and t.idx >= (?::bigint >> g.l)";

    /// <summary>Writes a batch's complete subtrees in one statement.</summary>
    public const string Write = $"""
        insert into {Name} (level, idx, hash, sequence)
        select * from unnest(?::int[], ?::bigint[], ?::bytea[], ?::bigint[])
        on conflict (level, idx) do update set hash = excluded.hash, sequence = excluded.sequence
        """;

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
        (await session.AdvancedSql.QueryAsync<long>($"select idx from {Name} where sequence = ?", ct, sequence)).Cast<long?>().SingleOrDefault();
}
