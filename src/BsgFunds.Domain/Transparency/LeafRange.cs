namespace BsgFunds.Domain.Transparency;

/// <summary>The leaves [Start, End) whose Merkle tree hash, MTH(D[Start:End]) in RFC 9162's words, a proof carries.</summary>
public readonly record struct LeafRange(long Start, long End)
{
    public long Size => End - Start;

    /// <summary>
    /// The complete subtrees that make this range, split as RFC 9162 splits a tree (the largest power of two smaller
    /// than the size on the left). Every range a proof names starts at a multiple of that power, so the parts are
    /// aligned subtrees.
    /// </summary>
    public IEnumerable<TreeNode> Subtrees()
    {
        if (Size <= 0) yield break;
        if (long.IsPow2(Size) && Start % Size == 0)
        {
            yield return new TreeNode(int.CreateTruncating(long.Log2(Size)), Start / Size);
            yield break;
        }

        var k = Split(Size);
        foreach (var node in new LeafRange(Start, Start + k).Subtrees()) yield return node;
        foreach (var node in new LeafRange(Start + k, End).Subtrees()) yield return node;
    }

    /// <summary>MTH of this range from the stored hashes of its subtrees.</summary>
    public byte[] Hash(IReadOnlyDictionary<TreeNode, byte[]> nodes)
    {
        if (Size == 0) return MerkleHash.Empty;
        if (long.IsPow2(Size) && Start % Size == 0)
        {
            var node = new TreeNode(int.CreateTruncating(long.Log2(Size)), Start / Size);
            return nodes.TryGetValue(node, out var hash) ? hash : throw new InvalidOperationException($"The log has no node {node}.");
        }

        var k = Split(Size);
        return MerkleHash.Node(new LeafRange(Start, Start + k).Hash(nodes), new LeafRange(Start + k, End).Hash(nodes));
    }

    /// <summary>The largest power of two smaller than n (n > 1): where RFC 9162 splits a tree of n leaves.</summary>
    public static long Split(long n) => 1L << int.CreateTruncating(long.Log2(n - 1));
}
