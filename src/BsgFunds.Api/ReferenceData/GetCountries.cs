using System.Globalization;
using BsgFunds.Api.Lists;

namespace BsgFunds.Api.ReferenceData;

public static class GetCountriesEndpoint
{
    public static ProblemDetails Validate(string? on, int? page, int? pageSize) =>
        ValidateDay(on).ThenPaging(page, pageSize);

    internal static ProblemDetails ValidateDay(string? on) =>
        on is null || DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? WolverineContinue.NoProblems
            : Problems.From(Refusal.Invalid("date-malformed", $"'{on}' is not a date: write it yyyy-MM-dd.", "on"));

    /// <summary>
    /// ISO 3166 countries with ITU region and LDC/SIDS/LLDC/EIT/developing membership; 'on' (default today) picks the
    /// day the groups are read for.
    /// </summary>
    [WolverineGet("/api/countries", OperationId = "ListCountries")]
    [Authorize(Roles = Roles.AnySignedIn)]
    [Tags("Reference data")]
    public static async Task<ListPage<CountryView>> Get(string? on, int? page, int? pageSize, IQuerySession session, TimeProvider clock)
    {
        var day = Day(on, clock);
        // The shipped table merged with recorded changes is a few hundred countries, so it is paged in memory.
        var countries = (await Countries.AllAsync(session)).PageOf(PageRequest.Of(page, pageSize));
        return new ListPage<CountryView>(
            [.. countries.Items.Select(c => CountryView.Of(c, day))], countries.Page, countries.PageSize, countries.Total);
    }

    internal static DateOnly Day(string? on, TimeProvider clock) => on is null
        ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)
        : DateOnly.ParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
