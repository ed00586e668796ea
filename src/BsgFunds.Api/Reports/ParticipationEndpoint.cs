using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

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
