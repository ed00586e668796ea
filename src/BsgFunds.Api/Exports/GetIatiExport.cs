using System.Text;
using BsgFunds.Api.Reports;
using BsgFunds.Domain.Exports;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Exports;

public static class GetIatiExportEndpoint
{
    public const string MediaType = "application/xml";

    public static ProblemDetails Validate(int? year, string? asOf) => ReportReading.ValidateYear(year, asOf);

    /// <summary>
    /// The BSG fund's activities of a year as an IATI 2.03 activity file (docs/iati.md): the fund with its incoming
    /// pledges, commitments and funds, and one child activity per programme with its budget, commitments, disbursements
    /// and expenditure. Valid against the official schema and codelists.
    /// </summary>
    [WolverineGet("/api/exports/iati", OperationId = "ExportIati")]
    [Authorize(Roles = ReportReading.Roles)]
    [Tags("Exports")]
    [Produces(MediaType)]
    [ProducesResponseType(typeof(string), 200, MediaType)]
    public static async Task<IResult> Get(int? year, string? asOf, IQuerySession session, TimeProvider clock, IOptions<IatiOptions> options)
    {
        var (book, instant) = await ReportReading.BookAsync(session, asOf, clock);
        var entries = await ReportBooks.EntriesAsync(session, book, asOf is null ? null : instant, contributions: null, new DateOnly(year!.Value, 1,
            1), new DateOnly(year.Value, 12, 31));
        var document = IatiActivities.Build(book, year!.Value, options.Value.Publisher, clock.GetUtcNow(), entries);
        var text = new StringBuilder();
        await using (var writer = new Utf8StringWriter(text)) document.Save(writer);
        return Results.Text(text.ToString(), MediaType, Encoding.UTF8);
    }

    private sealed class Utf8StringWriter(StringBuilder text) : StringWriter(text, System.Globalization.CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
