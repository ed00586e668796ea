using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace BsgFunds.Domain.Transparency;

/// <summary>
/// A signed tree head: the log's size and root at an instant, signed by the fund's key (docs/audit.md gives the bytes).
/// The timestamp is kept as the text that was signed, so a verifier signs-checks exactly what it reads.
/// </summary>
public sealed record TreeHead(
    long TreeSize,
    [property: RegularExpression(MerkleHash.Pattern)] string RootHash,
    [property: DataType(DataType.DateTime)] string Timestamp,
    [property: RegularExpression(MerkleHash.Pattern)] string KeyId,
    [property: DataType("byte")] string Signature)
{
    public const string Version = "bsgfunds-tree-head-v1";

    /// <summary>An instant as a head states it: UTC, milliseconds, 'Z'.</summary>
    public static string TimestampOf(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static byte[] SignedBytes(long treeSize, string rootHash, string timestamp, string keyId) =>
        Encoding.UTF8.GetBytes(string.Join('\n', Version, treeSize.ToString(CultureInfo.InvariantCulture), rootHash, timestamp, keyId));

    public byte[] SignedBytes() => SignedBytes(TreeSize, RootHash, Timestamp, KeyId);
}
