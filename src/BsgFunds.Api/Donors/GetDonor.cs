using BsgFunds.Domain.Donors;

namespace BsgFunds.Api.Donors;

public static class GetDonorEndpoint
{
    /// <summary>One donor; another donor's id answers 404 to a Donor, so as not to confirm it exists.</summary>
    [WolverineGet("/api/donors/{id}", OperationId = "GetDonor")]
    [Authorize(Roles = GetDonorsEndpoint.Readers)]
    [Tags("Donors")]
    public static async Task<DonorView?> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpContext http)
    {
        if (!user.MaySeeDonor(id) || await session.LoadAsync<Donor>(id) is not { } donor) return null;
        Preconditions.SetETag(http, (await session.Events.FetchStreamStateAsync(id))?.Version ?? 1);
        return DonorView.Of(donor);
    }
}
