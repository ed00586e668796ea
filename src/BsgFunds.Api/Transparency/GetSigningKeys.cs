using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

public static class GetSigningKeysEndpoint
{
    /// <summary>The public keys that sign tree heads, each with the time it was in use: anyone may check a head with them.</summary>
    [WolverineGet("/api/audit/keys", OperationId = "GetSigningKeys")]
    [AllowAnonymous]
    [Tags("Audit")]
    public static async Task<SigningKeys> Get(IQuerySession session, CancellationToken ct)
    {
        var keys = await session.Query<SigningKeyRecord>().OrderBy(k => k.From).ToListAsync(ct);
        return new SigningKeys(keys.Select(k => new SigningKeyView(k.Id, TreeHeadSignature.Algorithm, k.PublicKeyPem, k.From, k.To)).ToList());
    }
}
