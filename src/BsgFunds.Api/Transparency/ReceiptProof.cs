using System.Text.Json;
using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>
/// A receipt a donor can check alone (docs/audit.md): the event as stored, its leaf (the exact text hashed), the
/// leaf hash, the inclusion proof and the signed tree head it is proved against.
/// </summary>
public sealed record ReceiptProof(Guid ContributionId, long Sequence, string Leaf, [property: RegularExpression(MerkleHash.Pattern)] string LeafHash,
    JsonElement Event, InclusionProof Inclusion, TreeHead TreeHead);
