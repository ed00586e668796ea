using System.Security.Cryptography;
using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>
/// The private key that signs tree heads: an ECDSA P-256 key in PEM, from Audit:TreeHeads:KeyFile (a mounted
/// secret file) or Audit:TreeHeads:Key (the PEM itself). In Development, when neither is set, a key is made on first
/// start in .keys/ under the content root (git-ignored) and kept there. Elsewhere a missing key stops the start.
/// </summary>
public sealed class TreeHeadSigningKey : IDisposable
{
    public const string DevelopmentKeyFile = ".keys/tree-heads.pem";

    public TreeHeadSigningKey(IConfiguration configuration, IHostEnvironment environment)
    {
        Key = ECDsa.Create();
        Key.ImportFromPem(PemOf(configuration, environment));
        if (Key.KeySize != 256 || Key.ExportParameters(false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new InvalidOperationException("The tree-head signing key must be an ECDSA key on the P-256 curve (prime256v1).");
        KeyId = TreeHeadSignature.KeyId(Key);
        PublicKeyPem = Key.ExportSubjectPublicKeyInfoPem();
    }

    public ECDsa Key { get; }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    public void Dispose() => Key.Dispose();

    private static string PemOf(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["Audit:TreeHeads:Key"] is { Length: > 0 } pem) return pem;
        if (configuration["Audit:TreeHeads:KeyFile"] is { Length: > 0 } file) return File.ReadAllText(file);
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                "Audit:TreeHeads:KeyFile (or Audit:TreeHeads:Key) must name the ECDSA P-256 private key that signs tree heads " +
                "(docs/operations.md, \"Tree-head signing key\").");

        var path = Path.Combine(environment.ContentRootPath, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                // CreateNew: two processes starting at once keep the first key, and the second reads it.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream);
                writer.Write(made.ExportPkcs8PrivateKeyPem());
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }

        return File.ReadAllText(path);
    }
}
