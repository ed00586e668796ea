using System.Security.Cryptography;

namespace BsgFunds.Domain.Transparency;

/// <summary>ECDSA P-256 with SHA-256, DER-encoded as openssl writes it, so anyone can check a head with openssl alone.</summary>
public static class TreeHeadSignature
{
    public const string Algorithm = "ecdsa-p256-sha256";

    /// <summary>The key's id: SHA-256 of its public key in DER SubjectPublicKeyInfo form, as RFC 9162 names a log.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    public static TreeHead Sign(ECDsa key, long treeSize, byte[] root, DateTimeOffset at)
    {
        var rootHash = MerkleHash.Hex(root);
        var timestamp = TreeHead.TimestampOf(at);
        var keyId = KeyId(key);
        var signature = key.SignData(TreeHead.SignedBytes(treeSize, rootHash, timestamp, keyId), HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        return new TreeHead(treeSize, rootHash, timestamp, keyId, Convert.ToBase64String(signature));
    }

    /// <summary>Whether the head was signed by this key: its id names the key and the signature holds over its fields.</summary>
    public static bool Verify(TreeHead head, ECDsa publicKey)
    {
        if (head.KeyId != KeyId(publicKey)) return false;
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(head.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            return publicKey.VerifyData(head.SignedBytes(), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
