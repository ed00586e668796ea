using BsgFunds.Domain.InKind;

namespace BsgFunds.Api.InKind;

public static class GetInKindContributionEndpoint
{
    /// <summary>One contribution in kind; a Donor sees only its own, and another's id answers 404, so as not to confirm it exists.</summary>
    [WolverineGet("/api/in-kind/{id}", OperationId = "GetInKindContribution")]
    [Authorize(Roles = InKindView.Readers)]
    [Tags("InKind")]
    public static async Task<InKindView?> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http)
    {
        if (await session.LoadAsync<InKindContribution>(id) is not { } contribution || !user.MaySeeDonor(contribution.DonorId)) return null;
        Preconditions.SetETag(http, (await session.Events.FetchStreamStateAsync(id))?.Version ?? 1);
        return InKindView.Of(contribution);
    }
}
