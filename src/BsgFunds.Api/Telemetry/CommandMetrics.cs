using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BsgFunds.Api.Telemetry;

/// <summary>
/// Commands by type and outcome: every request that may change the ledger (anything but GET/HEAD) is counted under
/// its route ("POST /api/contributions/{contributionId}/receipts") and its outcome (accepted, refused, failed), timed,
/// and logged once with the caller's correlation id, which the ledger's events carry too.
/// </summary>
public sealed class CommandMetrics : IDisposable
{
    public const string MeterName = "BsgFunds";
    private readonly Meter meter = new(MeterName);
    private readonly Counter<long> commands;
    private readonly Histogram<double> duration;

    public CommandMetrics()
    {
        commands = meter.CreateCounter<long>("bsgfunds.commands", "{command}", "Commands received, by command and outcome.");
        duration = meter.CreateHistogram<double>("bsgfunds.command.duration", "s", "Time to answer a command, by command and outcome.");
    }

    public Meter Meter => meter;

    public static string Outcome(int status) => status switch
    {
        < 400 => "accepted",
        < 500 => "refused",
        _ => "failed",
    };

    public void Record(string command, int status, TimeSpan elapsed)
    {
        var tags = new TagList { { "command", command }, { "outcome", Outcome(status) }, { "http.response.status_code", status } };
        commands.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
    }

    public void Dispose() => meter.Dispose();
}
