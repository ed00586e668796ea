namespace BsgFunds.Domain.Transparency;

/// <summary>
/// A complete subtree: the 2^Level leaves from Index * 2^Level. Only complete subtrees are stored; any other range a
/// proof needs is made of at most log2(n) of them.
/// </summary>
public readonly record struct TreeNode(int Level, long Index)
{
    public long Start => Index << Level;

    public long End => (Index + 1) << Level;
}
