using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Transparency;

namespace BsgFunds.Audit;

/// <summary>
/// The offline checks of the transparency log (docs/audit.md): a signed tree head, an inclusion proof, a donor's
/// receipt, a consistency proof between two heads, and an export against a head. Each needs only files and the public
/// key (a PEM file, or the answer of GET /api/audit/keys saved as JSON). Each returns whether it holds and why.
/// </summary>
public static class LogVerification
{
    public static (bool Valid, string Message) Head(TreeHead head, string keyFile)
    {
        using var key = PublicKey(keyFile, head.KeyId);
        if (key is null) return (false, $"No public key with id {head.KeyId} in {keyFile}.");
        return TreeHeadSignature.Verify(head, key)
            ? (true, $"Tree head of {head.TreeSize} leaves, root {head.RootHash}, signed at {head.Timestamp} by key {head.KeyId}: signature valid.")
            : (false, $"Tree head of {head.TreeSize} leaves: the signature does not hold for key {head.KeyId}: FORGED or altered.");
    }

    public static (bool Valid, string Message) Inclusion(JsonElement proof, TreeHead head, string keyFile)
    {
        var (signed, message) = Head(head, keyFile);
        if (!signed) return (false, message);
        var treeSize = proof.GetProperty("treeSize").GetInt64();
        if (treeSize != head.TreeSize) return (false, $"The proof is for a tree of {treeSize} leaves, the head for {head.TreeSize}.");
        var leafIndex = proof.GetProperty("leafIndex").GetInt64();
        var leafHash = MerkleHash.FromHex(proof.GetProperty("leafHash").GetString());
        var path = Hashes(proof.GetProperty("path"));
        var root = MerkleHash.FromHex(head.RootHash);
        if (leafHash is null || path is null || root is null) return (false, "A hash in the proof or the head is not 64 hex digits.");
        return ProofCheck.Inclusion(leafIndex, treeSize, leafHash, path, root)
            ? (true, $"Sequence {proof.GetProperty("sequence").GetInt64()} is leaf {leafIndex} of the signed tree of {treeSize} leaves.")
            : (false, $"The inclusion proof of leaf {leafIndex} does NOT lead to the signed root of {treeSize} leaves.");
    }

    public static (bool Valid, string Message) Receipt(JsonElement receipt, string keyFile)
    {
        var leaf = receipt.GetProperty("leaf").GetString() ?? string.Empty;
        var leafHash = MerkleHash.Hex(LogLeaf.Hash(leaf));
        var inclusion = receipt.GetProperty("inclusion");
        if (leafHash != receipt.GetProperty("leafHash").GetString() || leafHash != inclusion.GetProperty("leafHash").GetString())
            return (false, "The receipt's leaf does not hash to its leaf hash: the event was altered.");
        var fields = leaf.Split('\n');
        var sequence = receipt.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture);
        if (fields.Length != 10 || fields[0] != LogLeaf.Version || fields[1] != sequence
            || inclusion.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture) != sequence
            || !string.Equals(fields[2], receipt.GetProperty("contributionId").GetString(), StringComparison.OrdinalIgnoreCase))
            return (false, "The receipt's leaf is not the event it names (sequence or contribution differ).");
        if (!SameEvent(fields, AuditTool.EventOf(receipt.GetProperty("event"))))
            return (false, "The receipt's event is not the leaf it proves: the event shown was altered.");
        var (valid, message) = Inclusion(inclusion, HeadOf(receipt.GetProperty("treeHead")), keyFile);
        return valid ? (true, $"Receipt of contribution {fields[2]} at sequence {sequence} ({fields[4]}): {message}") : (false, message);
    }

    public static (bool Valid, string Message) Consistency(JsonElement proof, TreeHead from, TreeHead to, string keyFile)
    {
        foreach (var head in new[] { from, to })
        {
            var (signed, message) = Head(head, keyFile);
            if (!signed) return (false, message);
        }

        if (proof.GetProperty("from").GetInt64() != from.TreeSize || proof.GetProperty("to").GetInt64() != to.TreeSize)
            return (false, $"The proof is from {proof.GetProperty("from")} to {proof.GetProperty("to")} leaves; " +
                $"the heads are {from.TreeSize} and {to.TreeSize}.");
        var path = Hashes(proof.GetProperty("path"));
        var (fromRoot, toRoot) = (MerkleHash.FromHex(from.RootHash), MerkleHash.FromHex(to.RootHash));
        if (path is null || fromRoot is null || toRoot is null) return (false, "A hash in the proof or a head is not 64 hex digits.");
        return ProofCheck.Consistency(from.TreeSize, to.TreeSize, path, fromRoot, toRoot)
            ? (true, $"The tree of {to.TreeSize} leaves only appended to the tree of {from.TreeSize}: consistent.")
            : (false, $"The tree of {to.TreeSize} leaves is NOT an extension of the signed tree of {from.TreeSize}: history was rewritten.");
    }

    /// <summary>Recomputes the root of the head's tree from the exported events: the export is the log the head signed.</summary>
    public static (bool Valid, string Message) Export(IReadOnlyList<ChainedEvent> events, TreeHead head, string keyFile)
    {
        var (signed, message) = Head(head, keyFile);
        if (!signed) return (false, message);
        if (events.Count < head.TreeSize) return (false, $"The export has {events.Count} events; the head signs {head.TreeSize}.");
        var nodes = new Dictionary<TreeNode, byte[]>();
        var appender = new TreeAppender(0, nodes);
        for (var i = 0; i < head.TreeSize; i++)
        {
            if (i > 0 && events[i].Sequence <= events[i - 1].Sequence)
                return (false, $"The export is out of order at sequence {events[i].Sequence}.");
            foreach (var (node, hash) in appender.Append(LogLeaf.Hash(events[i]))) nodes[node] = hash;
        }

        var root = MerkleHash.Hex(new LeafRange(0, head.TreeSize).Hash(nodes));
        return root == head.RootHash
            ? (true, $"The first {head.TreeSize} exported events make the signed root {root}: the export is the log the head signed.")
            : (false, $"The first {head.TreeSize} exported events make root {root}, NOT the signed root {head.RootHash}: the log was altered.");
    }

    // The receipt's event is JSON like any other (its data re-spaced by whoever wrote it), the leaf the exact text that
    // was hashed: the same event when every field agrees and the data and headers are the same JSON.
    private static bool SameEvent(string[] leaf, ChainedEvent shown)
    {
        var (text, fields) = (LogLeaf.Text(shown).Split('\n'), new[] { 6, 9 });
        for (var i = 0; i < leaf.Length; i++)
        {
            if (!fields.Contains(i))
            {
                if (leaf[i] != text[i]) return false;
                continue;
            }

            if (leaf[i].Length == 0 || text[i].Length == 0)
            {
                if (leaf[i] != text[i]) return false;
                continue;
            }

            using var a = JsonDocument.Parse(leaf[i]);
            using var b = JsonDocument.Parse(text[i]);
            if (!JsonElement.DeepEquals(a.RootElement, b.RootElement)) return false;
        }

        return true;
    }

    public static TreeHead HeadOf(JsonElement e) => new(
        e.GetProperty("treeSize").GetInt64(), e.GetProperty("rootHash").GetString() ?? string.Empty,
        e.GetProperty("timestamp").GetString() ?? string.Empty, e.GetProperty("keyId").GetString() ?? string.Empty,
        e.GetProperty("signature").GetString() ?? string.Empty);

    private static List<byte[]>? Hashes(JsonElement path)
    {
        var hashes = path.EnumerateArray().Select(p => MerkleHash.FromHex(p.GetString())).ToList();
        return hashes.Any(h => h is null) ? null : hashes.Select(h => h!).ToList();
    }

    /// <summary>The key from a PEM file, or the key of that id from a saved GET /api/audit/keys answer.</summary>
    private static ECDsa? PublicKey(string keyFile, string keyId)
    {
        var text = File.ReadAllText(keyFile, Encoding.UTF8);
        if (text.TrimStart().StartsWith('{'))
        {
            using var keys = JsonDocument.Parse(text);
            text = keys.RootElement.GetProperty("keys").EnumerateArray()
                .Where(k => k.GetProperty("keyId").GetString() == keyId)
                .Select(k => k.GetProperty("publicKeyPem").GetString())
                .FirstOrDefault() ?? string.Empty;
            if (text.Length == 0) return null;
        }

        var key = ECDsa.Create();
        key.ImportFromPem(text);
        return key;
    }
}
