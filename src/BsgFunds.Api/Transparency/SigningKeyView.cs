using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>A public key that signs tree heads, valid from 'from' until 'to' (null while it is the current key).</summary>
public sealed record SigningKeyView(
    [property: RegularExpression(MerkleHash.Pattern)] string KeyId, string Algorithm, string PublicKeyPem, DateTimeOffset From, DateTimeOffset? To);
