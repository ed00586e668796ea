namespace BsgFunds.Api.Transparency;

public static class GetTreeHeadsEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static ProblemDetails Validate(long? after, int? limit) =>
        after is < 0 ? Problems.From(Refusal.Invalid("request-invalid", "'after' is a tree size, zero or more.", "after"))
        : limit is < 1 or > MaxLimit ? Problems.From(Refusal.Invalid("request-invalid", $"'limit' is from 1 to {MaxLimit}.", "limit"))
        : WolverineContinue.NoProblems;

    /// <summary>The signed tree heads published after a tree size, smallest first: keep them, and ask for consistency between two.</summary>
    [WolverineGet("/api/audit/tree-heads", OperationId = "ListTreeHeads")]
    [Authorize(Roles = $"{Roles.Auditor},{Roles.FinanceOfficer}")]
    [Tags("Audit")]
    public static async Task<TreeHeadPage> Get(long? after, int? limit, IQuerySession session, CancellationToken ct)
    {
        var from = after ?? 0;
        var heads = await session.Query<PublishedTreeHead>().Where(h => h.Id > from).OrderBy(h => h.Id).Take(limit ?? DefaultLimit)
            .ToListAsync(ct);
        return new TreeHeadPage(from, heads.Select(h => h.ToHead()).ToList(), heads.Count > 0 ? heads[^1].Id : from);
    }
}
