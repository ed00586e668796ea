using System.Security.Cryptography;
using BsgFunds.Domain.Transparency;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.Transparency;

public class MerkleTreeTests
{
    // The leaves and roots of the Certificate Transparency test vectors (certificate-transparency-go, merkle tests).
    private static readonly byte[][] VectorLeaves =
        new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }
            .Select(Convert.FromHexString).ToArray();

    private static readonly string[] VectorRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    /// <summary>Every complete subtree of a tree grown leaf by leaf, as the projection stores them.</summary>
    private static Dictionary<TreeNode, byte[]> Grow(IEnumerable<byte[]> leafHashes)
    {
        var nodes = new Dictionary<TreeNode, byte[]>();
        var appender = new TreeAppender(0, nodes);
        foreach (var leaf in leafHashes)
            foreach (var (node, hash) in appender.Append(leaf)) nodes[node] = hash;
        return nodes;
    }

    private static byte[][] LeafHashes(int n) => Enumerable.Range(0, n).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i))).ToArray();

    // RFC 9162 2.1.1 written out as the RFC writes it, to check the stored-subtree arithmetic against.
    private static byte[] Mth(ReadOnlySpan<byte[]> leaves)
    {
        if (leaves.Length == 0) return MerkleHash.Empty;
        if (leaves.Length == 1) return leaves[0];
        var k = (int)LeafRange.Split(leaves.Length);
        return MerkleHash.Node(Mth(leaves[..k]), Mth(leaves[k..]));
    }

    private static byte[][] Hashes(IReadOnlyList<LeafRange> plan, IReadOnlyDictionary<TreeNode, byte[]> nodes) =>
        plan.Select(r => r.Hash(nodes)).ToArray();

    [Fact]
    public void the_roots_of_the_certificate_transparency_test_vectors_come_out_of_the_stored_subtrees()
    {
        var nodes = Grow(VectorLeaves.Select(l => MerkleHash.Leaf(l)));
        for (var n = 1; n <= 8; n++)
            MerkleHash.Hex(new LeafRange(0, n).Hash(nodes)).Should().Be(VectorRoots[n - 1], $"the tree of {n} leaves");
        MerkleHash.Hex(new LeafRange(0, 0).Hash(nodes)).Should().Be("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    [Fact]
    public void a_tree_grown_in_batches_stores_the_same_subtrees_as_one_grown_at_once()
    {
        var leaves = LeafHashes(45);
        var atOnce = Grow(leaves);
        var inBatches = new Dictionary<TreeNode, byte[]>();
        foreach (var (from, to) in new[] { (0, 1), (1, 7), (7, 8), (8, 31), (31, 45) })
        {
            var appender = new TreeAppender(from, TreeAppender.Frontier(from).ToDictionary(n => n, n => inBatches[n]));
            foreach (var leaf in leaves[from..to])
                foreach (var (node, hash) in appender.Append(leaf)) inBatches[node] = hash;
        }

        inBatches.Keys.Should().BeEquivalentTo(atOnce.Keys);
        foreach (var (node, hash) in atOnce) inBatches[node].Should().Equal(hash, $"node {node}");
        for (var n = 1; n <= 45; n++) new LeafRange(0, n).Hash(inBatches).Should().Equal(Mth(leaves.AsSpan(0, n)));
    }

    [Fact]
    public void every_inclusion_proof_verifies_and_a_changed_one_does_not()
    {
        var leaves = LeafHashes(33);
        var nodes = Grow(leaves);
        for (long n = 1; n <= 33; n++)
        {
            var root = Mth(leaves.AsSpan(0, (int)n));
            for (long m = 0; m < n; m++)
            {
                var path = Hashes(ProofPlan.Inclusion(m, n), nodes);
                path.Length.Should().BeLessThanOrEqualTo((int)Math.Ceiling(Math.Log2(n)));
                ProofCheck.Inclusion(m, n, leaves[m], path, root).Should().BeTrue($"leaf {m} of {n}");
                if (n > 1) ProofCheck.Inclusion((m + 1) % n, n, leaves[m], path, root).Should().BeFalse();
                ProofCheck.Inclusion(m, n, leaves[(m + 1) % 33], path, root).Should().BeFalse();
                if (path.Length > 0)
                {
                    ProofCheck.Inclusion(m, n, leaves[m], path[..^1], root).Should().BeFalse("a path cut short");
                    var changed = path.Select(p => p.ToArray()).ToArray();
                    changed[0][5] ^= 1;
                    ProofCheck.Inclusion(m, n, leaves[m], changed, root).Should().BeFalse("a flipped bit");
                }
            }
        }
    }

    [Fact]
    public void every_consistency_proof_verifies_and_one_against_another_history_does_not()
    {
        var leaves = LeafHashes(33);
        var nodes = Grow(leaves);
        var other = leaves.ToArray();
        other[2] = MerkleHash.Leaf("rewritten"u8);
        for (long n = 1; n <= 33; n++)
        for (long m = 1; m <= n; m++)
        {
            var path = Hashes(ProofPlan.Consistency(m, n), nodes);
            var oldRoot = Mth(leaves.AsSpan(0, (int)m));
            var newRoot = Mth(leaves.AsSpan(0, (int)n));
            ProofCheck.Consistency(m, n, path, oldRoot, newRoot).Should().BeTrue($"{m} to {n}");
            if (m > 2) ProofCheck.Consistency(m, n, path, Mth(other.AsSpan(0, (int)m)), newRoot).Should().BeFalse("an old head of another history");
            if (m < n) ProofCheck.Consistency(m, n, path[..^1], oldRoot, newRoot).Should().BeFalse("a proof cut short");
        }
    }

    [Fact]
    public void proofs_in_a_tree_of_a_million_leaves_have_at_most_twenty_hashes_and_name_at_most_forty_stored_subtrees()
    {
        const long n = 1_000_000;
        foreach (var m in new long[] { 0, 1, 524_287, 524_288, 999_998, 999_999 })
        {
            var plan = ProofPlan.Inclusion(m, n);
            plan.Count.Should().BeLessThanOrEqualTo(20);
            plan.SelectMany(r => r.Subtrees()).Count().Should().BeLessThanOrEqualTo(40);
        }

        foreach (var m in new long[] { 1, 7, 524_288, 765_432, 999_999 })
        {
            var plan = ProofPlan.Consistency(m, n);
            plan.Count.Should().BeLessThanOrEqualTo(21);
            plan.SelectMany(r => r.Subtrees()).Count().Should().BeLessThanOrEqualTo(42);
        }
    }

    [Fact]
    public void a_signed_head_verifies_with_its_key_and_with_no_other_and_not_once_changed()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var at = new DateTimeOffset(2026, 12, 2, 10, 37, 9, 123, TimeSpan.Zero);
        var head = TreeHeadSignature.Sign(key, 7, Convert.FromHexString(VectorRoots[6]), at);

        head.Timestamp.Should().Be("2026-12-02T10:37:09.123Z");
        System.Text.Encoding.UTF8.GetString(head.SignedBytes()).Should().Be(
            $"bsgfunds-tree-head-v1\n7\n{VectorRoots[6]}\n2026-12-02T10:37:09.123Z\n{head.KeyId}");
        TreeHeadSignature.Verify(head, key).Should().BeTrue();
        TreeHeadSignature.Verify(head, other).Should().BeFalse("another key");
        TreeHeadSignature.Verify(head with { TreeSize = 8 }, key).Should().BeFalse("a changed size");
        TreeHeadSignature.Verify(head with { RootHash = VectorRoots[7] }, key).Should().BeFalse("a changed root");
        TreeHeadSignature.Verify(head with { KeyId = TreeHeadSignature.KeyId(other) }, other).Should().BeFalse("a borrowed key id");
    }
}
