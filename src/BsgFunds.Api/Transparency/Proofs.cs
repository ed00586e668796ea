using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>Proofs from the stored subtrees: each is planned as RFC 9162 defines it, then read in one query.</summary>
public static class Proofs
{
    public static async Task<InclusionProof> InclusionAsync(
        IQuerySession session, long sequence, long leafIndex, long treeSize, CancellationToken ct)
    {
        var plan = ProofPlan.Inclusion(leafIndex, treeSize);
        var leaf = new TreeNode(0, leafIndex);
        var nodes = await MerkleNodeTable.ReadAsync(session, plan.SelectMany(r => r.Subtrees()).Append(leaf), ct);
        var path = plan.Select(r => MerkleHash.Hex(r.Hash(nodes))).ToList();
        return new InclusionProof(sequence, leafIndex, treeSize, MerkleHash.Hex(nodes[leaf]), path);
    }

    public static async Task<ConsistencyProof> ConsistencyAsync(IQuerySession session, long from, long to, CancellationToken ct)
    {
        var plan = ProofPlan.Consistency(from, to);
        var nodes = await MerkleNodeTable.ReadAsync(session, plan.SelectMany(r => r.Subtrees()), ct);
        return new ConsistencyProof(from, to, plan.Select(r => MerkleHash.Hex(r.Hash(nodes))).ToList());
    }

    /// <summary>Refuses a tree size the log has not reached.</summary>
    public static async Task<long> ReachedAsync(IQuerySession session, long treeSize, string field, CancellationToken ct)
    {
        var size = await MerkleNodeTable.SizeAsync(session, ct);
        return treeSize <= size ? size : throw new RefusedException(Refusal.Conflict("tree-size-not-reached",
            $"The log has {size} leaves; '{field}' = {treeSize} is beyond it. Ask for the size of a signed tree head."));
    }
}
