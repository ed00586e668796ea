using System.Text;
using BsgFunds.Domain.Audit;

namespace BsgFunds.Domain.Transparency;

/// <summary>
/// An event as a leaf of the transparency log (docs/audit.md): the chain's canonical form without the previous hash,
/// so that a leaf proves its event alone and a donor's receipt needs no neighbour; the tree fixes the order.
/// </summary>
public static class LogLeaf
{
    public const string Version = "bsgfunds-leaf-v1";

    public static string Text(ChainedEvent e) => string.Join('\n', [Version, .. e.CanonicalFields()]);

    public static byte[] Hash(ChainedEvent e) => Hash(Text(e));

    public static byte[] Hash(string text) => MerkleHash.Leaf(Encoding.UTF8.GetBytes(text));
}
