namespace BsgFunds.Api.Transparency;

/// <summary>
/// A public key that has signed tree heads, from the first start that used it until a newer key replaced it. Kept
/// so that every head ever published stays verifiable after the key is rotated.
/// </summary>
public sealed class SigningKeyRecord
{
    /// <summary>The key id: SHA-256 of the public key's DER SubjectPublicKeyInfo, hex.</summary>
    public string Id { get; set; } = string.Empty;

    public string PublicKeyPem { get; set; } = string.Empty;

    public DateTimeOffset From { get; set; }

    public DateTimeOffset? To { get; set; }
}
