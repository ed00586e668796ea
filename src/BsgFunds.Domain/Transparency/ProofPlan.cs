namespace BsgFunds.Domain.Transparency;

/// <summary>
/// Which subtree hashes make a proof, as RFC 9162 defines them: the audit path of section 2.1.3.1 and the consistency
/// proof of 2.1.4.1, in their order. The hashes themselves come from the stored complete subtrees (LeafRange.Hash).
/// </summary>
public static class ProofPlan
{
    /// <summary>The audit path of leaf m in the tree of n leaves, the range nearest the leaf first.</summary>
    public static IReadOnlyList<LeafRange> Inclusion(long m, long n)
    {
        if (m < 0 || m >= n) throw new ArgumentOutOfRangeException(nameof(m), $"Leaf {m} is not in a tree of {n} leaves.");
        var path = new List<LeafRange>();
        Path(m, 0, n, path);
        return path;
    }

    /// <summary>The proof that the tree of n leaves extends the tree of its first m leaves (0 &lt; m ≤ n; empty when m = n).</summary>
    public static IReadOnlyList<LeafRange> Consistency(long m, long n)
    {
        if (m <= 0 || m > n) throw new ArgumentOutOfRangeException(nameof(m), $"A consistency proof goes from 1 to {n} leaves, not {m}.");
        var proof = new List<LeafRange>();
        if (m < n) SubProof(m, 0, n, true, proof);
        return proof;
    }

    private static void Path(long m, long start, long end, List<LeafRange> path)
    {
        if (end - start <= 1) return;
        var k = LeafRange.Split(end - start);
        if (m < start + k)
        {
            Path(m, start, start + k, path);
            path.Add(new LeafRange(start + k, end));
        }
        else
        {
            Path(m, start + k, end, path);
            path.Add(new LeafRange(start, start + k));
        }
    }

    // m counts leaves from start; 'whole' is RFC 9162's b: the subtree is the whole of the old tree, whose root the
    // verifier already holds.
    private static void SubProof(long m, long start, long end, bool whole, List<LeafRange> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole) proof.Add(new LeafRange(start, end));
            return;
        }

        var k = LeafRange.Split(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, whole, proof);
            proof.Add(new LeafRange(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, false, proof);
            proof.Add(new LeafRange(start, start + k));
        }
    }
}
