using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BsgFunds.Domain.Contributions;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace BsgFunds.Benchmarks;

/// <summary>
/// One run: raw baselines (pgbench, an Npgsql insert loop, Marten's quick append, a bare ASP.NET endpoint), then the
/// API (start-up, command path spread and hot spot, reads and as-of at growing history, rebuild beside a raw scan,
/// memory), written to docs/performance.md and docs/performance.json.
/// </summary>
public static class Bench
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private static readonly List<Result> Results = [];
    private static readonly List<string> Notes = [];

    public static async Task<int> RunAsync(string[] args)
    {
        var o = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[(2 * i) + 1]);
        if (o.TryGetValue("from-json", out var saved))
        {
            // Rewrites the markdown from a run's raw numbers, keeping the analysis.
            using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(saved));
            Results.AddRange(doc.RootElement.GetProperty("results").Deserialize<List<Result>>()!);
            Notes.AddRange(doc.RootElement.GetProperty("notes").Deserialize<List<string>>()!);
            await Report.WriteAsync(o["out-md"], o["out-json"], Results, Notes);
            return 0;
        }

        var cs = o["cs"];
        var pgBin = o["pg-bin"];
        var apiDll = o["api-dll"];
        if (o.TryGetValue("profile", out var seconds))
        {
            // For profiling (docs/performance.md): the API under the 8-client receipt load only, for so many seconds;
            // attach dotnet-trace or dotnet-counters to the pid it prints.
            var profiled = new ApiUnderTest(apiDll, cs, 5097);
            await profiled.StartAsync(stopAfter: false);
            Console.WriteLine($"API pid {profiled.Pid}");
            await profiled.LoadAsync(Results, TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
                only8: !o.ContainsKey("all"));
            Console.WriteLine($"peak RSS {profiled.PeakRssMb():0} MB");
            await profiled.StopAsync();
            return 0;
        }

        var histories = o.GetValueOrDefault("histories", "10000,100000,1000000").Split(',').Select(long.Parse).ToArray();

        await PgbenchAsync(pgBin, cs);
        await NpgsqlLoopAsync(cs);
        await MartenAppendAsync(cs);
        await BareEndpointAsync();

        var api = new ApiUnderTest(apiDll, cs, 5097);
        var startups = new List<double>();
        for (var i = 0; i < 3; i++) startups.Add(await api.StartAsync(stopAfter: true));
        Add(new Result("API start-up to ready (median of 3)", 0, startups.Order().ElementAt(1), 0, 0, 3, "ms"));

        // The command loads run against a database of their own (they add tens of thousands of events, donors and
        // allocations), so that the histories below differ only in the events seeded into them.
        var load = new ApiUnderTest(apiDll, o["cs-load"], 5096);
        await load.StartAsync(stopAfter: false);
        await load.LoadAsync(Results, Window);
        Add(new Result("API peak RSS after the command load", 0, load.PeakRssMb(), 0, 0, 1, "MB"));
        await load.StopAsync();

        // The reads are of a donor whose statement does not change (one contribution, 20 receipts), so that what varies
        // between histories is the history alone.
        await api.StartAsync(stopAfter: false);
        await api.SetUpReaderAsync();

        foreach (var target in histories)
        {
            var seeded = await Seeder.SeedToAsync(cs, target);
            var caughtUp = await api.CatchUpAsync(TimeSpan.FromMinutes(5));
            if (caughtUp is null)
            {
                Notes.Add($"At {seeded:N0} events the report projection did not catch up within 5 minutes; larger histories were not measured.");
                break;
            }

            Add(new Result($"projections catch-up to {seeded:N0} events", 0, caughtUp.Value.All.TotalMilliseconds, 0, 0, seeded, "ms"));
            foreach (var projection in new[] { "HashChainProjection", "MerkleTreeProjection" })
                Add(new Result($"catch-up of {projection} to {seeded:N0} events", 0, caughtUp.Value.Each[projection].TotalMilliseconds, 0, 0,
                    seeded, "ms"));
            var (inclusion, consistency, longest) = await api.ProofsAsync(20);
            Add(new Result($"GET inclusion proof at {seeded:N0} events (median of 20)", 0, inclusion, 0, 0, seeded, "ms"));
            Add(new Result($"GET consistency proof at {seeded:N0} events (median of 20)", 0, consistency, 0, 0, seeded, "ms"));
            Add(new Result($"longest proof at {seeded:N0} events", 0, longest, 0, 0, seeded, "hashes"));
            Add(new Result($"GET line-items at {seeded:N0} events (median of 20)", 0, await api.ReadAsync("/api/reports/line-items?year=2026", 20),
                0, 0, seeded, "ms"));
            Add(new Result($"GET donor statement at {seeded:N0} events (median of 20)", 0,
                await api.ReadAsync($"/api/reports/donors/{api.ReaderDonorId}/statement?from=2026-01-01&to=2026-12-31", 20), 0, 0, seeded, "ms"));
            Add(new Result($"GET line-items as of now at {seeded:N0} events (median of 5)", 0,
                await api.ReadAsync(
                    $"/api/reports/line-items?year=2026&asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}", 5),
                0, 0, seeded, "ms"));
            Add(new Result($"book document size at {seeded:N0} events", 0, await Seeder.BookSizeMbAsync(cs), 0, 0, seeded, "MB"));
        }

        var (events, scanRate) = await RawScanAsync(cs);
        Add(new Result($"raw ordered scan of {events:N0} events", scanRate, 0, 0, 0, events, "events/s"));
        var (rebuild, each) = await api.RebuildAsync();
        Add(new Result($"full rebuild of every projection over {events:N0} events", events / (rebuild.TotalMilliseconds / 1000),
            rebuild.TotalMilliseconds, 0, 0, events, "events/s"));
        foreach (var (projection, ms) in each)
            Add(new Result($"rebuild of {projection} alone over {events:N0} events", events / (ms / 1000), ms, 0, 0, events, "events/s"));
        Add(new Result("API peak RSS at the end", 0, api.PeakRssMb(), 0, 0, 1, "MB"));
        await api.StopAsync();

        await Report.WriteAsync(o["out-md"], o["out-json"], Results, Notes);
        return 0;
    }

    private static void Add(Result r)
    {
        Results.Add(r);
        var value = r.Unit is "ms" or "MB" or "hashes" ? r.P50Ms : r.PerSecond;
        var latency = r.P99Ms > 0 ? string.Create(CultureInfo.InvariantCulture,
            $"  p50 {r.P50Ms:0.0} ms p95 {r.P95Ms:0.0} ms p99 {r.P99Ms:0.0} ms") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-70} {value,12:0.0} {r.Unit}") + latency);
    }

    private static async Task PgbenchAsync(string pgBin, string cs)
    {
        var b = new NpgsqlConnectionStringBuilder(cs);
        await using (var c = new NpgsqlConnection(cs))
        {
            await c.OpenAsync();
            await new NpgsqlCommand("create table if not exists bench_insert (id bigserial primary key, data jsonb not null)",
                c).ExecuteNonQueryAsync();
        }

        var script = Path.GetTempFileName();
        await File.WriteAllTextAsync(script,
            "insert into bench_insert (data) values ('{\"ContributionId\":\"0b6e5f50-6f6c-4d8e-9a43-5b1d2c3e4f50\","
            + "\"Amount\":{\"Amount\":1.00,\"Currency\":\"CHF\"},\"BankReference\":\"R\"}');\n");
        var start = new ProcessStartInfo(Path.Combine(pgBin, "pgbench"),
            $"-n -c 8 -j 2 -T {Window.TotalSeconds} -f {script} -h {b.Host} -p {b.Port} -U {b.Username} {b.Database}")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        var tps = System.Text.RegularExpressions.Regex.Match(output, @"tps = ([\d.]+) \(without");
        Add(new Result("baseline: pgbench insert-only script, 8 clients", tps.Success ? double.Parse(tps.Groups[1].Value,
            CultureInfo.InvariantCulture) : 0, 0, 0, 0, 0, "tx/s"));
    }

    private static async Task NpgsqlLoopAsync(string cs)
    {
        var source = NpgsqlDataSource.Create(cs);
        Add(await Measure.LoadAsync("baseline: Npgsql single-row insert loop, 8 writers", 8, Window, async (_, _) =>
        {
            await using var command = source.CreateCommand(
                "insert into bench_insert (data) values ('{\"Amount\":{\"Amount\":1.00,\"Currency\":\"CHF\"}}')");
            await command.ExecuteNonQueryAsync();
            return true;
        }));
    }

    private static async Task MartenAppendAsync(string cs)
    {
        using var store = DocumentStore.For(opts =>
        {
            // The same connection settings as the API's (no reset per command, automatic preparation): a fair baseline.
            opts.Connection(new Npgsql.NpgsqlConnectionStringBuilder(cs) { NoResetOnClose = true, MaxAutoPrepare = 64 }.ConnectionString);
            opts.DatabaseSchemaName = "bench_raw";
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.AddEventType<ContributionReceived>();
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var e = Seeder.Receipt(Guid.NewGuid(), Guid.NewGuid(), 1);
        Add(await Measure.LoadAsync("baseline: Marten quick append, one event per transaction, 8 writers", 8, Window, async (_, _) =>
        {
            await using var session = store.LightweightSession();
            session.Events.Append(Guid.NewGuid(), e);
            await session.SaveChangesAsync();
            return true;
        }));
    }

    private static async Task BareEndpointAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:5096");
        await using var app = builder.Build();
        app.MapGet("/ping", () => "pong");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5096") };
        Add(await Measure.LoadAsync("baseline: bare ASP.NET endpoint, 8 clients", 8, Window, async (_,
            _) => (await http.GetAsync("/ping")).IsSuccessStatusCode));
        await app.StopAsync();
    }

    private static async Task<(long Events, double Rate)> RawScanAsync(string cs)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        var clock = Stopwatch.StartNew();
        long n = 0;
        await using var reader = await new NpgsqlCommand("select seq_id, type, data from bsgfunds.mt_events order by seq_id", c).ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(2);
            n++;
        }

        return (n, n / clock.Elapsed.TotalSeconds);
    }
}
