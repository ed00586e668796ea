using System.Globalization;
using System.Security.Claims;
using BsgFunds.Api.Allocations;
using BsgFunds.Api.Setup;
using BsgFunds.Domain;
using BsgFunds.Domain.Reports;
using BsgFunds.Domain.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

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
            return Problems.From(Refusal.Invalid("year-invalid", "year", "The query parameter 'year' is a budget year such as 2026."));
        return ValidateAsOf(asOf);
    }
}

public static class LineItemsEndpoint
{
    public static ProblemDetails Validate(int? year, string? asOf) => ReportReading.ValidateYear(year, asOf);

    /// <summary>The BSG line-item view of a year: budget against actual per programme and use; pledges beside, never inside.</summary>
    [WolverineGet("/api/reports/line-items", OperationId = "GetLineItems")]
    [Authorize(Roles = ReportReading.Roles)]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(LineItemReport), 200)]
    public static Task<IResult> Get(int? year, string? asOf, IQuerySession session, TimeProvider clock, HttpContext context) =>
        ReportReading.YearAsync(year, asOf, session, clock, context, LineItemReport.Build);
}

public static class FundingSourcesEndpoint
{
    public static ProblemDetails Validate(int? year, string? asOf) => ReportReading.ValidateYear(year, asOf);

    [WolverineGet("/api/reports/funding-sources", OperationId = "GetFundingSources")]
    [Authorize(Roles = ReportReading.Roles)]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(FundingSourcesReport), 200)]
    public static Task<IResult> Get(int? year, string? asOf, IQuerySession session, TimeProvider clock, HttpContext context) =>
        ReportReading.YearAsync(year, asOf, session, clock, context, FundingSourcesReport.Build);
}

public static class ParticipationEndpoint
{
    public static ProblemDetails Validate(int? year, string? asOf) => ReportReading.ValidateYear(year, asOf);

    [WolverineGet("/api/reports/participation", OperationId = "GetParticipation")]
    [Authorize(Roles = ReportReading.Roles)]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(ParticipationReport), 200)]
    public static Task<IResult> Get(int? year, string? asOf, IQuerySession session, TimeProvider clock, HttpContext context) =>
        ReportReading.YearAsync(year, asOf, session, clock, context, ParticipationReport.Build);
}

public static class ReceivablesEndpoint
{
    public static ProblemDetails Validate(string? asOf) => ReportReading.ValidateAsOf(asOf);

    [WolverineGet("/api/reports/receivables", OperationId = "GetReceivables")]
    [Authorize(Roles = $"{Roles.FinanceOfficer},{Roles.Auditor}")]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(ReceivablesReport), 200)]
    public static async Task<IResult> Get(string? asOf, IQuerySession session, TimeProvider clock, HttpContext context)
    {
        var (book, instant) = await ReportReading.BookAsync(session, asOf, clock);
        return ReportReading.Answer(context, ReceivablesReport.Build(book, instant));
    }
}

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

public static class DonorStatementEndpoint
{
    public const string Readers = $"{ReportReading.Roles},{Roles.Donor}";

    public static ProblemDetails Validate(string? from, string? to, string? asOf)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is not null && !TryDate(from, out _)) errors["from"] = [$"'{from}' is not a date: write it yyyy-MM-dd."];
        if (to is not null && !TryDate(to, out _)) errors["to"] = [$"'{to}' is not a date: write it yyyy-MM-dd."];
        if (errors.Count == 0 && from is not null && to is not null && TryDate(from, out var f) && TryDate(to, out var t) && f > t)
            errors["to"] = ["'to' is on or after 'from'."];
        return errors.Count > 0 ? Problems.Invalid(errors) : ReportReading.ValidateAsOf(asOf);
    }

    /// <summary>
    /// A donor's fund-use statement for a period (default: the calendar year so far). A Donor reads only its own:
    /// another donor's id answers 404, so as not to confirm that it exists.
    /// </summary>
    [WolverineGet("/api/reports/donors/{donorId}/statement", OperationId = "GetDonorStatement")]
    [Authorize(Roles = Readers)]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(DonorStatementReport), 200)]
    public static async Task<IResult> Get(Guid donorId, string? from, string? to, string? asOf, IQuerySession session, TimeProvider clock,
        ClaimsPrincipal user, HttpContext context)
    {
        if (!user.MaySeeDonor(donorId)) return NotFound();
        var (book, instant) = await ReportReading.BookAsync(session, asOf, clock);
        if (!book.Donors.ContainsKey(donorId) && await session.LoadAsync<Domain.Donors.Donor>(donorId) is null) return NotFound();
        var today = Bounds.Today(instant);
        var start = from is null ? new DateOnly(today.Year, 1, 1) : Date(from);
        var end = to is null ? today : Date(to);
        var contributions = book.Contributions.Values.Where(c => c.DonorId == donorId).Select(c => c.Id).ToList();
        var entries = await ReportBooks.EntriesAsync(session, book, asOf is null ? null : instant, contributions, start, end);
        return ReportReading.Answer(context, DonorStatementReport.Build(book, donorId, start, end, instant, entries));
    }

    private static IResult NotFound() => Results.Problem(Problems.From(Refusal.NotFound("donor-not-found",
        "There is no such donor, or it is not yours to see.")));

    private static bool TryDate(string text, out DateOnly date) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
        DateTimeStyles.None, out date);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
