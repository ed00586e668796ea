using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

public static class ImplementationEndpoint
{
    public static ProblemDetails Validate(int? year, string? asOf) => ReportReading.ValidateYear(year, asOf);

    [WolverineGet("/api/reports/implementation", OperationId = "GetImplementationReport")]
    [Authorize(Roles = ReportReading.Roles)]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(ImplementationReport), 200)]
    public static async Task<IResult> Get(int? year, string? asOf, IQuerySession session, TimeProvider clock, HttpContext context)
    {
        var (book, instant) = await ReportReading.BookAsync(session, asOf, clock);
        var entries = await ReportBooks.EntriesAsync(session, book, asOf is null ? null : instant, contributions: null, new DateOnly(year!.Value, 1,
            1), new DateOnly(year.Value, 12, 31));
        return ReportReading.Answer(context, ImplementationReport.Build(book, year.Value, instant, entries));
    }
}
