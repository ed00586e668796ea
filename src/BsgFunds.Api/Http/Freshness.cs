using BsgFunds.Api.Setup;
using Npgsql;

namespace BsgFunds.Api.Http;

/// <summary>
/// Read-your-writes for reads served by asynchronous projections: before answering, wait (briefly, bounded) until
/// the projection has processed every event committed when the request arrived. The daemon usually lags by well
/// under a second; if it is stalled, the answer comes after the bound and states the sequence it includes.
/// </summary>
public static class Freshness
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public static async Task WaitForAsync(IDocumentStore store, string projection, CancellationToken ct = default)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        var target = (long)(await new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {MartenSetup.Schema}.mt_events",
            connection).ExecuteScalarAsync(ct))!;
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            await using var progress = new NpgsqlCommand(
                $"select coalesce(max(last_seq_id), 0) from {MartenSetup.Schema}.mt_event_progression where name = @name", connection);
            progress.Parameters.AddWithValue("name", $"{projection}:All");
            if ((long)(await progress.ExecuteScalarAsync(ct))! >= target) return;
            await Task.Delay(20, ct);
        }
    }
}
