namespace BsgFunds.Api.Audit;

/// <summary>A link of the hash chain: the hash of the event at this sequence, over its canonical form and the previous hash.</summary>
public sealed class ChainLink
{
    public long Id { get; set; }

    public string Hash { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;
}
