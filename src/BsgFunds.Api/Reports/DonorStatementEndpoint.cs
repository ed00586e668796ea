using System.Globalization;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

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
