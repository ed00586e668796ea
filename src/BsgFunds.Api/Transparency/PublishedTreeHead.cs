using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>A signed tree head as stored: one per tree size, the first signed for that size.</summary>
public sealed class PublishedTreeHead
{
    /// <summary>The tree size.</summary>
    public long Id { get; set; }

    public string RootHash { get; set; } = string.Empty;

    public string Timestamp { get; set; } = string.Empty;

    public string KeyId { get; set; } = string.Empty;

    public string Signature { get; set; } = string.Empty;

    public TreeHead ToHead() => new(Id, RootHash, Timestamp, KeyId, Signature);

    public static PublishedTreeHead Of(TreeHead head) => new()
    {
        Id = head.TreeSize, RootHash = head.RootHash, Timestamp = head.Timestamp, KeyId = head.KeyId, Signature = head.Signature,
    };
}
