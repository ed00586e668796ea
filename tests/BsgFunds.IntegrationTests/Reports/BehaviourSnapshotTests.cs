using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BsgFunds.IntegrationTests.Foundation;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;
using static BsgFunds.IntegrationTests.Reports.GoldenScenario;

namespace BsgFunds.IntegrationTests.Reports;

/// <summary>
/// The safety net of every redesign (a redesign changes no behaviour): the golden fund year's stored events and report
/// figures, byte for byte, against the snapshot committed in Reports/Snapshots. Ids, instants and hashes differ from run
/// to run and years move with the calendar, so they are written as the order they first appear in and as year tokens;
/// everything else (event types, every field of every event, every figure) must stay the same. After a change that
/// means to change behaviour, regenerate with BSGFUNDS_UPDATE_SNAPSHOTS=1 and review the diff.
/// </summary>
public partial class BehaviourSnapshotTests(AppFixture app) : ApiTest(app)
{
    private static readonly string SnapshotFile = Path.Combine(PlatformTests.RepoRoot(), "tests", "BsgFunds.IntegrationTests", "Reports", "Snapshots",
        "golden-year.txt");

    [Fact]
    public async Task the_golden_year_stores_the_same_events_and_reports_the_same_figures_as_the_snapshot()
    {
        var before = Clock.Offset;
        // A fixed day of the year, so that dates the API takes from today (refunds, write-offs) are the same on every run.
        Clock.Offset = new DateTimeOffset(Y, 11, 30, 10, 0, 0, TimeSpan.Zero) - TimeProvider.System.GetUtcNow();
        try
        {
            var scenario = new GoldenScenario();
            await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
            await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            var text = new StringBuilder();
            await using (var session = Store.QuerySession())
            {
                var rows = await session.QueryAsync<string>(
                    "select seq_id || ' ' || type || ' ' || version || ' ' || data::text from bsgfunds.mt_events order by seq_id");
                foreach (var row in rows) text.AppendLine(row);
            }

            var auditor = await TokenFor("Auditor", "snapshot");
            foreach (var url in new[]
            {
                $"/api/reports/line-items?year={Y}", $"/api/reports/funding-sources?year={Y}", $"/api/reports/participation?year={Y}",
                "/api/reports/trial-balance", $"/api/reports/donors/{scenario.UnitedStates}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}",
                $"/api/reports/donors/{scenario.Foundation}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}",
                $"/api/reports/donors/{scenario.Itu}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}",
            })
            {
                using var report = JsonDocument.Parse(await (await Send("GET", url, auditor)).ReadAsTextAsync());
                text.AppendLine(url).AppendLine(JsonSerializer.Serialize(report.RootElement, Plain));
            }

            await Snapshot.ShouldMatchAsync(Normalise(text.ToString()), SnapshotFile, "BSGFUNDS_UPDATE_SNAPSHOTS");
        }
        finally
        {
            Clock.Offset = before;
        }
    }

    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Ids by order of first appearance, instants and hashes as placeholders, years as tokens relative to Y.</summary>
    private static string Normalise(string text)
    {
        text = Hash().Replace(Snapshot.IdsAndInstants(text), "<hash>");
        // The scenario names payments after their disbursement's id, whose first digits are the clock's (UUID v7).
        text = PaymentReference().Replace(text, "PAY-<id prefix>");
        return Snapshot.Years(text, Y, csvCells: false).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex("PAY-[0-9a-f]{6}")]
    private static partial Regex PaymentReference();

    [GeneratedRegex("\\b[0-9a-f]{64}\\b")]
    private static partial Regex Hash();
}
