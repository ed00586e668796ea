using BsgFunds.Api.Donors;
using BsgFunds.Api.Lists;
using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

public static class ListContributionsEndpoint
{
    public static ProblemDetails Validate(int? page, int? pageSize) => Paging.Validate(page, pageSize);

    /// <summary>Contributions by pledge date, optionally of one donor; a Donor gets its own, and another donor's id answers 404.</summary>
    [WolverineGet("/api/contributions", OperationId = "ListContributions")]
    [Authorize(Roles = GetDonorsEndpoint.Readers)]
    [Tags("Contributions")]
    public static async Task<ListPage<ContributionView>?> Get(Guid? donorId, int? page, int? pageSize, IQuerySession session, ClaimsPrincipal user)
    {
        if (user.IsDonor())
        {
            if (donorId is not null && donorId != user.DonorId()) return null;
            donorId = user.DonorId() ?? Guid.Empty;
        }

        var query = session.Query<Contribution>().AsQueryable();
        if (donorId is { } donor) query = query.Where(c => c.DonorId == donor);
        return await query.OrderBy(c => c.PledgedOn).ThenBy(c => c.Id).PageAsync(PageRequest.Of(page, pageSize), c => ContributionView.Of(c, null));
    }
}
