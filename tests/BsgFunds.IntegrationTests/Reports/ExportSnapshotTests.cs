using System.Globalization;
using System.Text;
using Alba;
using BsgFunds.IntegrationTests.Foundation;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;
using static BsgFunds.IntegrationTests.Reports.GoldenScenario;

namespace BsgFunds.IntegrationTests.Reports;

/// <summary>
/// What the behaviour snapshot leaves out, byte for byte: every report as CSV (present and as of an instant), the
/// receivables and implementation reports as JSON, and the IATI file, for the golden fund year. Reshaping the reports
/// and their CSV rows must change none of it. Ids, instants and years are normalised as in the behaviour snapshot.
/// After a change that means to change these answers, regenerate with BSGFUNDS_UPDATE_EXPORT_SNAPSHOT=1 and review the diff.
/// </summary>
public class ExportSnapshotTests(AppFixture app) : ApiTest(app)
{
    private static readonly string SnapshotFile = Path.Combine(PlatformTests.RepoRoot(), "tests", "BsgFunds.IntegrationTests", "Reports",
        "Snapshots", "golden-year-exports.txt");

    [Fact]
    public async Task the_golden_year_answers_the_same_csv_json_and_iati_bytes_as_the_snapshot()
    {
        var before = Clock.Offset;
        // The same fixed day as the behaviour snapshot: receivables age on it and refunds are dated by it.
        Clock.Offset = new DateTimeOffset(Y, 11, 30, 10, 0, 0, TimeSpan.Zero) - TimeProvider.System.GetUtcNow();
        try
        {
            var scenario = new GoldenScenario();
            await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
            await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            var actual = Snapshot.Years(Snapshot.IdsAndInstants(await Answers(scenario)), Y, csvCells: true)
                .Replace("\r\n", "<CRLF>\n", StringComparison.Ordinal);
            await Snapshot.ShouldMatchAsync(actual, SnapshotFile, "BSGFUNDS_UPDATE_EXPORT_SNAPSHOT");
        }
        finally
        {
            Clock.Offset = before;
        }
    }

    private async Task<string> Answers(GoldenScenario s)
    {
        var auditor = await TokenFor("Auditor", "snapshot");
        var year = $"year={Y}";
        var beforeReversal = $"asOf={Uri.EscapeDataString(s.BeforeReversal.ToString("O"))}";
        var statements = new[] { s.UnitedStates, s.Foundation, s.Itu }
            .Select(d => $"/api/reports/donors/{d}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}").ToList();
        var csv = new List<string>
        {
            $"/api/reports/line-items?{year}", $"/api/reports/funding-sources?{year}", $"/api/reports/participation?{year}",
            "/api/reports/receivables", $"/api/reports/receivables?asOf={Y + 3}-01-01T00:00:00Z", "/api/reports/trial-balance",
            $"/api/reports/implementation?{year}", $"/api/reports/implementation?{year}&{beforeReversal}",
            $"/api/reports/line-items?{year}&{beforeReversal}",
        };
        csv.AddRange(statements);
        csv.AddRange(statements.Select(url => $"{url}&{beforeReversal}"));
        var text = new StringBuilder();
        // The query is written decoded, so that the instant in it is normalised like every other.
        foreach (var url in csv)
            text.AppendLine(CultureInfo.InvariantCulture, $"CSV {Uri.UnescapeDataString(url)}").Append(await Read(url, auditor, "text/csv"));
        foreach (var url in new[] { "/api/reports/receivables", $"/api/reports/implementation?{year}" })
            text.AppendLine(CultureInfo.InvariantCulture, $"JSON {url}").AppendLine(await Read(url, auditor, "application/json"));
        var iati = $"/api/exports/iati?{year}";
        text.AppendLine(CultureInfo.InvariantCulture, $"IATI {iati}").AppendLine(await Read(iati, auditor, "application/xml"));
        return text.ToString();
    }

    private async Task<string> Read(string url, string token, string accept)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.WithRequestHeader("Accept", accept);
            x.StatusCodeShouldBeOk();
        });
        return await result.ReadAsTextAsync();
    }
}
