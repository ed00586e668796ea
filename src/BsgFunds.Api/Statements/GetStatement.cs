using System.Globalization;
using BsgFunds.Api.Reports;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Reports;
using BsgFunds.Domain.Statements;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Statements;

public static class GetStatementEndpoint
{
    public const string Readers = $"{Roles.FinanceOfficer},{Roles.TsbDirector},{Roles.Auditor}";

    public static ProblemDetails Validate(string kind, string? from, string? to, string? asOf)
    {
        if (!StatementKinds.All.Contains(kind))
            return Problems.From(Refusal.NotFound("statement-kind-unknown",
                $"There is no statement '{kind}'; the statements are {string.Join(", ", StatementKinds.All)}."));
        var errors = new Dictionary<string, string[]>();
        DateOnly f = default, t = default;
        if (from is not null && !TryDate(from, out f)) errors["from"] = [$"'{from}' is not a date: write it yyyy-MM-dd."];
        if (to is not null && !TryDate(to, out t)) errors["to"] = [$"'{to}' is not a date: write it yyyy-MM-dd."];
        if (errors.Count == 0 && (from is null) != (to is null))
            errors[from is null ? "from" : "to"] = ["Give both 'from' and 'to', or neither for the calendar year so far."];
        if (errors.Count == 0 && from is not null)
        {
            if (f > t) errors["to"] = ["'to' is on or after 'from'."];
            else if (f < Bounds.EarliestDate) errors["from"] = ["No business date is before 2000-01-01."];
            else if (t.Year - f.Year > 10) errors["to"] = ["A statement's period is at most ten years."];
            else if (t > new DateOnly(2100, 12, 31)) errors["to"] = ["'to' is too far ahead."];
        }

        return errors.Count > 0 ? Problems.Invalid(errors) : ReportReading.ValidateAsOf(asOf);
    }

    /// <summary>
    /// One of the fund's IPSAS statements (docs/statements.md) for a period (default: the calendar year so far), with the previous
    /// period of the same length beside it, as the event log stood at `asOf` (default: now). `kind`: financial-position (as at
    /// `to`), financial-performance, changes-in-net-assets, cash-flow, budget-comparison or notes.
    /// </summary>
    [WolverineGet("/api/statements/{kind}", OperationId = "GetStatement")]
    [Authorize(Roles = Readers)]
    [Tags("Statements")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(FinancialStatement), 200)]
    public static async Task<IResult> Get(string kind, string? from, string? to, string? asOf, IQuerySession session, TimeProvider clock,
        IOptions<ContributionOptions> options, HttpContext context)
    {
        var instant = asOf is null ? clock.GetUtcNow() : Instant(asOf);
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Timestamp <= instant).OrderBy(e => e.Sequence).ToListAsync();
        var ledger = new StatementLedger();
        var book = new ReportBook();
        foreach (var e in events)
        {
            ledger.Apply(e.Sequence, e.Data);
            book.Apply(e.Data, e.Sequence, e.Timestamp);
        }

        var today = Bounds.Today(instant);
        var start = from is null ? new DateOnly(today.Year, 1, 1) : Date(from);
        var end = to is null ? today : Date(to!);
        var statement = FinancialStatements.Build(kind, ledger, book, start, end, instant, options.Value.RevenuePolicy);
        return ReportReading.Answer(context, statement);
    }

    private static DateTimeOffset Instant(string asOf)
    {
        GetTrialBalanceEndpoint.TryParseInstant(asOf, out var instant);
        return instant;
    }

    private static bool TryDate(string text, out DateOnly date) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
        DateTimeStyles.None, out date);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
