using BsgFunds.Domain.Audit;

namespace BsgFunds.Api.Audit;

public static class GetJournalEndpoint
{
    public static ProblemDetails Validate(int? year) =>
        year is null or < 2000 or > 2100
            ? Problems.From(Refusal.Invalid("year-invalid", "The query parameter 'year' is a budget year such as 2026.", "year"))
            : WolverineContinue.NoProblems;

    /// <summary>The year's ledger as a plain-text double-entry journal that hledger and ledger-cli accept (docs/audit.md).</summary>
    [WolverineGet("/api/audit/journal", OperationId = "GetJournal")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    [Produces("text/plain")]
    [ProducesResponseType(typeof(string), 200)]
    public static async Task<IResult> Get(int? year, IQuerySession session)
    {
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return Results.Text(Journal.Write(year!.Value, events.Select(e => (e.Sequence, e.Data))), "text/plain; charset=utf-8");
    }
}
