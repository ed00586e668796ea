using System.Security.Cryptography;

namespace BsgFunds.Domain.Transparency;

/// <summary>The hashes of RFC 9162 section 2.1.1: the 0x00 and 0x01 prefixes keep a leaf from passing for a node.</summary>
public static class MerkleHash
{
    /// <summary>The root of the tree of no leaves: SHA-256 of nothing.</summary>
    public static byte[] Empty => SHA256.HashData([]);

    public static byte[] Leaf(ReadOnlySpan<byte> leaf)
    {
        Span<byte> input = leaf.Length < 4096 ? stackalloc byte[leaf.Length + 1] : new byte[leaf.Length + 1];
        input[0] = 0x00;
        leaf.CopyTo(input[1..]);
        return SHA256.HashData(input);
    }

    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> input = stackalloc byte[1 + left.Length + right.Length];
        input[0] = 0x01;
        left.CopyTo(input[1..]);
        right.CopyTo(input[(1 + left.Length)..]);
        return SHA256.HashData(input);
    }

    /// <summary>A hash as the API writes it: 64 lowercase hex digits.</summary>
    public const string Pattern = "^[0-9a-f]{64}$";

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    /// <summary>A hash as the API writes it, or null when it is not 64 hex digits.</summary>
    public static byte[]? FromHex(string? hex)
    {
        if (hex is not { Length: 64 }) return null;
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
