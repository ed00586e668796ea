
namespace BsgFunds.Api.ReferenceData;

public static class GetCountryEndpoint
{
    public static ProblemDetails Validate(string? on) => GetCountriesEndpoint.ValidateDay(on);

    [WolverineGet("/api/countries/{code}", OperationId = "GetCountry")]
    [Authorize(Roles = Roles.AnySignedIn)]
    [Tags("Reference data")]
    public static async Task<CountryView?> Get(string code, string? on, IQuerySession session, TimeProvider clock) =>
        await Countries.FindAsync(session, code) is { } country ? CountryView.Of(country, GetCountriesEndpoint.Day(on, clock)) : null;
}
