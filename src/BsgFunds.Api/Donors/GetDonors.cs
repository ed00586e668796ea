using BsgFunds.Api.Lists;
using BsgFunds.Domain.Donors;

namespace BsgFunds.Api.Donors;

public static class GetDonorsEndpoint
{
    public const string Readers = $"{Roles.FinanceOfficer},{Roles.Auditor},{Roles.TsbDirector},{Roles.BdtDirector},{Roles.Donor}";

    public static ProblemDetails Validate(int? page, int? pageSize) => Paging.Validate(page, pageSize);

    /// <summary>Donors by name, a page at a time; a Donor gets only its own record.</summary>
    [WolverineGet("/api/donors", OperationId = "ListDonors")]
    [Authorize(Roles = Readers)]
    [Tags("Donors")]
    public static async Task<ListPage<DonorView>> Get(int? page, int? pageSize, IQuerySession session, ClaimsPrincipal user)
    {
        var request = PageRequest.Of(page, pageSize);
        if (user.IsDonor())
        {
            IReadOnlyList<DonorView> own = user.DonorId() is { } id && await session.LoadAsync<Donor>(id) is { } donor ? [DonorView.Of(donor)] : [];
            return own.PageOf(request);
        }

        return await session.Query<Donor>().OrderBy(d => d.Name).ThenBy(d => d.Id).PageAsync(request, DonorView.Of);
    }
}
