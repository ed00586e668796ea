using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>One event of a contribution's stream: what happened, when it was recorded, by whom and in which role.</summary>
public sealed record ContributionHistoryEntry(long Version, long Sequence, string Type, DateTimeOffset RecordedAt, string? By, string? Name,
    string? Role);

public sealed record ContributionHistory(Guid ContributionId, IReadOnlyList<ContributionHistoryEntry> Items);

public static class GetContributionHistoryEndpoint
{
    /// <summary>Staff read a contribution's whole history (the staff console's contribution page); the Auditor's event export
    /// gives the same with the data, for every stream. Donors are not shown who in the finance office did what.</summary>
    public const string Readers = $"{Roles.FinanceOfficer},{Roles.Auditor},{Roles.TsbDirector},{Roles.BdtDirector}";

    [WolverineGet("/api/contributions/{id}/history", OperationId = "GetContributionHistory")]
    [Authorize(Roles = Readers)]
    [Tags("Contributions")]
    public static async Task<ContributionHistory?> Get(Guid id, IQuerySession session, HttpContext http)
    {
        if (await session.LoadAsync<Contribution>(id) is null) return null;
        var events = await session.Events.FetchStreamAsync(id);
        Preconditions.SetETag(http, events.Count);
        return new ContributionHistory(id, events.Select(e => new ContributionHistoryEntry(e.Version, e.Sequence, e.EventType.Name,
            e.Timestamp, Header(e, AuditTrailMiddleware.SubjectHeader) ?? e.UserName, Header(e, AuditTrailMiddleware.NameHeader),
            Header(e, AuditTrailMiddleware.RoleHeader))).ToList());
    }

    private static string? Header(JasperFx.Events.IEvent e, string name) => e.GetHeader(name)?.ToString();
}
