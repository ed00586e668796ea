using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>RFC 9162 2.1.3: the audit path of one event's leaf in the tree of treeSize leaves, nearest the leaf first.</summary>
public sealed record InclusionProof(
    long Sequence, long LeafIndex, long TreeSize, [property: RegularExpression(MerkleHash.Pattern)] string LeafHash, IReadOnlyList<string> Path);
