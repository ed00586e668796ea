using BsgFunds.Api.Donors;
using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

public static class GetContributionEndpoint
{
    /// <summary>A contribution's status and figures, with its money events and their ledger sequences. A Donor sees only its own.</summary>
    [WolverineGet("/api/contributions/{id}", OperationId = "GetContribution")]
    [Authorize(Roles = GetDonorsEndpoint.Readers)]
    [Tags("Contributions")]
    public static async Task<ContributionView?> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http)
    {
        var contribution = await session.LoadAsync<Contribution>(id);
        if (contribution is null || !user.MaySeeDonor(contribution.DonorId)) return null;
        var history = await session.Events.FetchStreamAsync(id);
        Preconditions.SetETag(http, history.Count);
        return ContributionView.Of(contribution, history.Count, history);
    }
}
