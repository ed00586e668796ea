using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BsgFunds.Api.Setup;
using Npgsql;

namespace BsgFunds.Api.Telemetry;

/// <summary>
/// Projection lag as a gauge: how many events each async projection is behind the newest event, read from the database
/// every few seconds, so every node reports it whichever node runs the projection. A lag that grows is a projection
/// that cannot keep up or has stopped (the readiness check says which).
/// </summary>
public sealed class ProjectionLagSampler(IDocumentStore store, CommandMetrics metrics, ILogger<ProjectionLagSampler> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, long> lag = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Meter.CreateObservableGauge("bsgfunds.projection.lag", () => lag.Select(l => new Measurement<long>(l.Value, new KeyValuePair<string,
            object?>("projection", l.Key))),
            "{event}", "Events committed that the projection has not processed yet.");
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(e, "Projection lag not sampled: the database did not answer");
            }

            try
            {
                await Task.Delay(Every, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SampleAsync(CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select p.name, greatest((select coalesce(max(seq_id), 0) from {MartenSetup.Schema}.mt_events) - p.last_seq_id, 0) " +
            $"from {MartenSetup.Schema}.mt_event_progression p where p.name <> 'HighWaterMark'", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) lag[reader.GetString(0).Replace(":All", string.Empty, StringComparison.Ordinal)] = reader.GetInt64(1);
    }
}
