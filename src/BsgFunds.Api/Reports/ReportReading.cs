using BsgFunds.Api.Allocations;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

/// <summary>Reading a report: the present-day book or the book as of an instant, and JSON or CSV as the client asks.</summary>
public static class ReportReading
{
    public const string Roles = AllocationRoles.StaffAndAuditor;

    public static async Task<(ReportBook Book, DateTimeOffset AsOf)> BookAsync(IQuerySession session, string? asOf, TimeProvider clock)
    {
        if (asOf is null)
        {
            await Freshness.WaitForAsync(session.DocumentStore, "ReportBookProjection");
            return (await ReportBooks.PresentAsync(session), clock.GetUtcNow());
        }

        GetTrialBalanceEndpoint.TryParseInstant(asOf, out var instant);
        return (await ReportBooks.AsOfAsync(session, instant), instant);
    }

    /// <summary>A report of one year, from the present book or the book as of an instant, as JSON or CSV.</summary>
    public static async Task<IResult> YearAsync(int? year, string? asOf, IQuerySession session, TimeProvider clock, HttpContext context,
        Func<ReportBook, int, DateTimeOffset, IReport> build)
    {
        var (book, instant) = await BookAsync(session, asOf, clock);
        return Answer(context, build(book, year!.Value, instant));
    }

    public static IResult Answer(HttpContext context, IReport report) =>
        Csv.Wanted(context) ? Results.Text(Csv.Write(report), Csv.MediaType) : Results.Json((object)report);

    public static ProblemDetails ValidateAsOf(string? asOf) => GetTrialBalanceEndpoint.Validate(asOf);

    public static ProblemDetails ValidateYear(int? year, string? asOf)
    {
        if (year is null or < 2000 or > 2100)
            return Problems.From(Refusal.Invalid("year-invalid", "The query parameter 'year' is a budget year such as 2026.", "year"));
        return ValidateAsOf(asOf);
    }
}
