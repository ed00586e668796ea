using BsgFunds.Api.Lists;
using BsgFunds.Domain.InKind;

namespace BsgFunds.Api.InKind;

public static class ListInKindContributionsEndpoint
{
    public static ProblemDetails Validate(int? year, int? page, int? pageSize) =>
        (year is null or (>= 2000 and <= 2100)
            ? WolverineContinue.NoProblems
            : Problems.From(Refusal.Invalid("year-invalid", "The query parameter 'year' is a year such as 2026.", "year")))
        .ThenPaging(page, pageSize);

    /// <summary>
    /// Contributions in kind by the day they were complete (<c>to</c>), optionally of one donor and of the year in which
    /// <c>to</c> falls; a Donor gets its own, and another donor's id answers 404.
    /// </summary>
    [WolverineGet("/api/in-kind", OperationId = "ListInKindContributions")]
    [Authorize(Roles = InKindView.Readers)]
    [Tags("InKind")]
    public static async Task<ListPage<InKindView>?> Get(Guid? donorId, int? year, int? page, int? pageSize, IQuerySession session,
        ClaimsPrincipal user)
    {
        if (user.IsDonor())
        {
            if (donorId is not null && donorId != user.DonorId()) return null;
            donorId = user.DonorId() ?? Guid.Empty;
        }

        var query = session.Query<InKindContribution>().AsQueryable();
        if (donorId is { } donor) query = query.Where(c => c.DonorId == donor);
        if (year is { } y)
        {
            var first = new DateOnly(y, 1, 1);
            var last = new DateOnly(y, 12, 31);
            query = query.Where(c => c.To >= first && c.To <= last);
        }

        return await query.OrderBy(c => c.To).ThenBy(c => c.Id).PageAsync(PageRequest.Of(page, pageSize), InKindView.Of);
    }
}
