namespace BsgFunds.Domain.Transparency;

/// <summary>
/// Grows the tree one leaf at a time as a binary counter does: a new leaf at an odd index completes its parent, which
/// may complete its own, and so on. It needs only the frontier of the tree it grows (one pending left subtree per
/// level, at most log2(n)), and yields every complete subtree the new leaves make, so each is hashed and stored once.
/// </summary>
public sealed class TreeAppender
{
    private readonly Dictionary<int, byte[]> pendingLeft = [];

    /// <param name="size">The leaves the tree has.</param>
    /// <param name="frontier">The hashes of the tree's frontier nodes, <see cref="Frontier"/>.</param>
    public TreeAppender(long size, IReadOnlyDictionary<TreeNode, byte[]> frontier)
    {
        Size = size;
        foreach (var node in Frontier(size)) pendingLeft[node.Level] = frontier[node];
    }

    public long Size { get; private set; }

    /// <summary>The complete subtrees of a tree of this size that still wait for a right sibling: one per bit set in the size.</summary>
    public static IEnumerable<TreeNode> Frontier(long size)
    {
        for (var level = 0; level < 63 && size >> level > 0; level++)
            if (((size >> level) & 1) == 1) yield return new TreeNode(level, (size >> level) - 1);
    }

    /// <summary>Appends a leaf's hash; returns the subtrees it completes, the leaf itself first.</summary>
    public IReadOnlyList<(TreeNode Node, byte[] Hash)> Append(byte[] leafHash)
    {
        var node = new TreeNode(0, Size++);
        var hash = leafHash;
        var completed = new List<(TreeNode, byte[])> { (node, hash) };
        while ((node.Index & 1) == 1)
        {
            hash = MerkleHash.Node(pendingLeft[node.Level], hash);
            pendingLeft.Remove(node.Level);
            node = new TreeNode(node.Level + 1, node.Index >> 1);
            completed.Add((node, hash));
        }

        pendingLeft[node.Level] = hash;
        return completed;
    }
}
