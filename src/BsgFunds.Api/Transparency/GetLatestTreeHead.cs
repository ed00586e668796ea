using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

public static class GetLatestTreeHeadEndpoint
{
    /// <summary>The latest signed tree head: the log's size and root, signed by the fund's key. 404 until the log has a first event.</summary>
    [WolverineGet("/api/audit/tree-heads/latest", OperationId = "GetLatestTreeHead")]
    [Authorize(Roles = $"{Roles.Auditor},{Roles.FinanceOfficer}")]
    [Tags("Audit")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    public static Task<TreeHead?> GetLatest(IQuerySession session, CancellationToken ct) => TreeHeads.LatestAsync(session, ct);
}
