using System.Text.Json;
using BsgFunds.TestSupport;
using FluentAssertions;
using Xunit;

namespace BsgFunds.PortalTests;

/// <summary>
/// The API process, configured with the standard OTEL_* variables, exports traces, metrics and logs; its console log is JSON
/// with the correlation id.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed class TelemetryTests(PortalSite api)
{
    private static readonly TimeSpan Export = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task traces_cover_requests_database_commands_and_wolverine()
    {
        var officer = await api.TokenAsync("FinanceOfficer", "telemetry-fo");
        (await api.PostAsync("/api/donors", officer, new { name = "Traced donor", type = "Other" })).IsSuccessStatusCode.Should().BeTrue();
        await Waiting.UntilAsync(() => Task.FromResult(Has("/v1/traces", PortalSite.ServiceName, "Microsoft.AspNetCore", "Npgsql", "Wolverine",
            "/api/donors")), Export,
            "traces of the request, its database commands and its Wolverine handling");
    }

    [Fact]
    public async Task metrics_count_commands_by_type_and_outcome_and_report_projection_lag()
    {
        var officer = await api.TokenAsync("FinanceOfficer", "telemetry-fo");
        await api.PostAsync("/api/donors", officer, new { name = "Counted donor", type = "Other" });
        await api.PostAsync("/api/donors", officer, new { name = "", type = "Other" });
        await Waiting.UntilAsync(
            () => Task.FromResult(Has("/v1/metrics", "bsgfunds.commands", "POST /api/donors", "accepted", "refused", "bsgfunds.projection.lag",
                "ReportBookProjection", "http.server.request.duration")),
            Export, "command, projection-lag and request metrics");
    }

    [Fact]
    public async Task console_logs_are_json_and_carry_the_callers_correlation_id()
    {
        var officer = await api.TokenAsync("FinanceOfficer", "telemetry-fo");
        var correlation = $"telemetry-{Guid.NewGuid():N}";
        await api.PostAsync("/api/donors", officer, new { name = "Logged donor", type = "Other" }, correlation);
        JsonElement? line = null;
        await Waiting.UntilAsync(() =>
        {
            line = api.Output.Where(l => l.Contains(correlation,
                StringComparison.Ordinal)).Select(l => (JsonElement?)JsonDocument.Parse(l).RootElement).FirstOrDefault();
            return Task.FromResult(line is not null);
        }, Export, "a log line with the correlation id");
        line!.Value.GetProperty("Category").GetString().Should().Be("BsgFunds.Commands");
        line.Value.GetProperty("State").GetProperty("Command").GetString().Should().Be("POST /api/donors");
        line.Value.GetProperty("State").GetProperty("Outcome").GetString().Should().Be("accepted");
        var scopes = line.Value.GetProperty("Scopes").EnumerateArray()
            .SelectMany(s => s.ValueKind == JsonValueKind.Object ? s.EnumerateObject().Select(p => (p.Name, Value: p.Value.ToString())) : [])
            .ToList();
        scopes.Should().Contain(("CorrelationId", correlation));
        scopes.Select(s => s.Name).Should().Contain("TraceId", "log lines join up with traces");
        await Waiting.UntilAsync(() => Task.FromResult(Has("/v1/logs", correlation)), Export, "the log line exported over OTLP");
    }

    private bool Has(string signal, params string[] names)
    {
        var text = api.Collector.Signal(signal);
        return names.All(n => text.Contains(n, StringComparison.Ordinal));
    }
}
