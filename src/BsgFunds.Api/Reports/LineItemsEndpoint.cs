using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

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
