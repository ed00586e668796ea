namespace BsgFunds.Domain.Transparency;

/// <summary>The verification algorithms of RFC 9162, sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency).</summary>
public static class ProofCheck
{
    public static bool Inclusion(long leafIndex, long treeSize, byte[] leafHash, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize) return false;
        long fn = leafIndex, sn = treeSize - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    public static bool Consistency(long from, long to, IReadOnlyList<byte[]> path, byte[] fromRoot, byte[] toRoot)
    {
        if (from <= 0 || from > to) return false;
        if (from == to) return path.Count == 0 && fromRoot.AsSpan().SequenceEqual(toRoot);
        if (path.Count == 0) return false;

        // A power-of-two old tree is a complete subtree of the new one: its root is the proof's implicit first hash.
        var hashes = long.IsPow2(from) ? path.Prepend(fromRoot).ToList() : path.ToList();
        long fn = from - 1, sn = to - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        byte[] fr = hashes[0], sr = hashes[0];
        foreach (var c in hashes.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(fromRoot) && sr.AsSpan().SequenceEqual(toRoot);
    }
}
