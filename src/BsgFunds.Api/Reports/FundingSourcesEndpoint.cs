using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

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
