
namespace BsgFunds.Api.Audit;

public static class GetDigestEndpoint
{
    /// <summary>The head of the hash chain: keep it, and later prove that nothing up to it was altered.</summary>
    [WolverineGet("/api/audit/digest", OperationId = "GetDigest")]
    [Authorize(Roles = $"{Roles.Auditor},{Roles.FinanceOfficer}")]
    [Tags("Audit")]
    public static async Task<Digest> Get(IQuerySession session, TimeProvider clock)
    {
        await Freshness.WaitForAsync(session.DocumentStore, "HashChainProjection");
        return await Chain.DigestAsync(session, clock);
    }
}
