using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

public static class FundingGapEndpoint
{
    public static ProblemDetails Validate(int? year, string? asOf) => ReportReading.ValidateYear(year, asOf);

    /// <summary>
    /// The funding gap of a budget year: per programme and use, the budget (revised, else original), what is committed, the
    /// cash available and the signed instalments to come that may fund it, each franc counted once at the narrowest level its
    /// earmark fits (line, programme, fund), and the gap no money yet covers; pledges beside it, never inside (docs/reports.md).
    /// </summary>
    [WolverineGet("/api/reports/funding-gap", OperationId = "GetFundingGap")]
    [Authorize(Roles = ReportReading.Roles)]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(FundingGapReport), 200)]
    public static Task<IResult> Get(int? year, string? asOf, IQuerySession session, TimeProvider clock, HttpContext context) =>
        ReportReading.YearAsync(year, asOf, session, clock, context, FundingGapReport.Build);
}
