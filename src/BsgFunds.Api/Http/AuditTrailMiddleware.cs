
namespace BsgFunds.Api.Http;

/// <summary>
/// Stamps every event a command writes with who acted, in which role and under which correlation id
/// (domain.md §5): Marten stores them as the event's user name, correlation id and headers.
/// </summary>
public static class AuditTrailMiddleware
{
    public const string SubjectHeader = "sub";
    public const string NameHeader = "name";
    public const string RoleHeader = "role";

    public static void Before(HttpContext http, IDocumentSession session)
    {
        session.CorrelationId = CorrelationIdMiddleware.Of(http);
        var user = http.User;
        var subject = user.FindFirst(Claims.Subject)?.Value;
        session.LastModifiedBy = subject;
        if (subject is not null) session.SetHeader(SubjectHeader, subject);
        if (user.FindFirst(Claims.Name)?.Value is { } name) session.SetHeader(NameHeader, name);
        var actingRoles = ActingRoles(http);
        if (actingRoles.Length > 0) session.SetHeader(RoleHeader, string.Join(',', actingRoles));
    }

    /// <summary>The caller's roles that this endpoint admits: the capacity in which the caller acts.</summary>
    private static string[] ActingRoles(HttpContext http)
    {
        var admitted = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal) ?? [];
        return Roles.All.Where(r => http.User.IsInRole(r) && (admitted.Count == 0 || admitted.Contains(r))).ToArray();
    }
}
