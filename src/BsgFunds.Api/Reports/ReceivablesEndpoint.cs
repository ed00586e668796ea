using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

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
