using System.Diagnostics;
using System.Text.Json;
using BsgFunds.TestSupport;
using Npgsql;

namespace BsgFunds.Benchmarks;

/// <summary>The API as a separate process (Release build, Development environment for dev tokens), driven over HTTP.</summary>
public sealed class ApiUnderTest(string dll, string cs, int port)
{
    private readonly ApiClient api = new(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromMinutes(30));
    private readonly Dictionary<string, string> tokens = [];
    private ApiProcess? process;

    public Guid DonorId { get; private set; }

    public int Pid => process?.Id ?? 0;

    public Guid ReaderDonorId { get; private set; }

    /// <summary>A donor whose statement stays the same through the run: one contribution, 20 receipts.</summary>
    public async Task SetUpReaderAsync()
    {
        var officer = await Token("FinanceOfficer");
        ReaderDonorId = await api.RegisterDonorAsync(officer, "Reader donor", "Foundation");
        var c = await api.AgreedContributionAsync(officer, ReaderDonorId, 1_000_000m, new DateOnly(2026, 1, 2),
            new AgreementTerms("READER", new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31)));
        for (var i = 0; i < 20; i++) await api.RecordReceiptAsync(officer, c, 1_000m, new DateOnly(2026, 2, i + 1), $"READER-{i}");
    }

    public async Task<double> StartAsync(bool stopAfter)
    {
        var settings = new Dictionary<string, string>
        {
            ["Limits__RequestsPerSecondPerCaller"] = "1000000",
            // The build tests/benchmark.sh makes has Wolverine's code generated in advance, as the container image does.
            ["CodeGeneration__Mode"] = "Static",
        };
        // Profiling only (docs/performance.md): BSGFUNDS_BENCH_DAEMON=Disabled measures commands without the projections.
        if (Environment.GetEnvironmentVariable("BSGFUNDS_BENCH_DAEMON") is { Length: > 0 } daemon) settings["Projections__Daemon"] = daemon;
        var clock = Stopwatch.StartNew();
        // Asked every 25 ms: the time to ready is one of the figures.
        process = await ApiProcess.StartAsync(new ApiLaunch(dll, api.Address, cs)
        {
            Settings = settings, StartLimit = TimeSpan.FromSeconds(120), Poll = TimeSpan.FromMilliseconds(25),
        });
        var ms = clock.Elapsed.TotalMilliseconds;
        if (stopAfter) await StopAsync();
        return ms;
    }

    public async Task StopAsync()
    {
        if (process is not null) await process.DisposeAsync();
        process = null;
    }

    public double PeakRssMb()
    {
        var status = File.ReadAllLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return status is null ? 0 : double.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private async Task<string> Token(string role)
    {
        if (tokens.TryGetValue(role, out var token)) return token;
        return tokens[role] = await api.DevTokenAsync($"bench-{role}", role, [role]);
    }

    private async Task<HttpResponseMessage> Send(string role, HttpMethod method, string url, object? body = null) =>
        await api.SendAsync(method, url, await Token(role), body);

    private async Task<Guid> Create(string role, string url, object body) => await api.PostForIdAsync(url, await Token(role), body);

    public async Task LoadAsync(List<Result> results, TimeSpan window, bool only8 = false)
    {
        foreach (var role in new[] { "FinanceOfficer", "ProgrammeOfficer", "TsbDirector", "Auditor" }) await Token(role);
        var officer = await Token("FinanceOfficer");
        DonorId = await api.RegisterDonorAsync(officer, "Benchmark donor", "Foundation");
        var contributions = new List<Guid>();
        for (var i = 0; i < 100; i++)
        {
            var c = await api.AgreedContributionAsync(officer, DonorId, 1_000_000_000m, new DateOnly(2026, 1, 2),
                new AgreementTerms($"B-{i}", new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 31)));
            contributions.Add(c);
        }

        // Warm up: the runtime compiles hot code again with profile data (tiered compilation) during the first tens of
        // seconds of load; the figures are of the steady state a server runs in, so 30 s of receipts come first, unmeasured.
        await Measure.LoadAsync("warm-up", 8, TimeSpan.FromSeconds(30), async (w, i) =>
            (await Send("FinanceOfficer", HttpMethod.Post, $"/api/contributions/{contributions[(int)(i % contributions.Count)]}/receipts",
                new { amount = new { amount = 1m, currency = "CHF" }, valueDate = "2026-02-01", bankReference = $"W-{w}-{i}" })).IsSuccessStatusCode);

        foreach (var clients in only8 ? [8] : new[] { 1, 8, 32 })
        {
            results.Add(await Measure.LoadAsync($"API receipts on 100 contributions (spread), {clients} clients", clients, window, async (w, i) =>
            {
                var c = contributions[Random.Shared.Next(contributions.Count)];
                var answer = await Send("FinanceOfficer", HttpMethod.Post, $"/api/contributions/{c}/receipts",
                    new { amount = new { amount = 1m, currency = "CHF" }, valueDate = "2026-02-01", bankReference = $"S{clients}-{w}-{i}" });
                return answer.IsSuccessStatusCode;
            }));
            Console.WriteLine($"{results[^1].Name}: {results[^1].PerSecond:0} ops/s p50 {results[^1].P50Ms:0.0} p99 {results[^1].P99Ms:0.0}");
        }

        if (only8) return;

        // Hot spot: approvals contending for one pool of cash (the spending lock serialises them).
        // Enough cash and requests that neither runs out within the window: CHF 100 000 received into the pool, and
        // 6 000 requests of CHF 10 (the approvals measured come to about a tenth of that).
        await Send("FinanceOfficer", HttpMethod.Post, $"/api/contributions/{contributions[0]}/receipts", new { amount = new { amount = 100_000m,
            currency = "CHF" }, valueDate = "2026-02-01", bankReference = "pool" });
        var allocations = new System.Collections.Concurrent.ConcurrentQueue<Guid>();
        var requests = Enumerable.Range(0, 6000).Select(_ => Create("ProgrammeOfficer", "/api/allocations", new { year = 2026, programme = 1,
            use = "Translation", title = "bench", amountChf = 10m }));
        foreach (var batch in requests.Chunk(16)) foreach (var id in await Task.WhenAll(batch)) allocations.Enqueue(id);
        await Send("TsbDirector", HttpMethod.Post, $"/api/allocations/{allocations.First()}/approve");
        results.Add(await Measure.LoadAsync("API final approvals on one pool (hot spot), 8 clients", 8, window, async (_, _) =>
            allocations.TryDequeue(out var id) && (await Send("TsbDirector", HttpMethod.Post,
                $"/api/allocations/{id}/approve")).IsSuccessStatusCode));
        Console.WriteLine($"{results[^1].Name}: {results[^1].PerSecond:0} ops/s p50 {results[^1].P50Ms:0.0} p99 {results[^1].P99Ms:0.0}");
    }

    /// <summary>How long the async projections take to reach the last event: all of them, and each (the chain and the tree compared).</summary>
    public async Task<(TimeSpan All, Dictionary<string, TimeSpan> Each)?> CatchUpAsync(TimeSpan limit)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        var target = (long)(await new NpgsqlCommand("select coalesce(max(seq_id), 0) from bsgfunds.mt_events", c).ExecuteScalarAsync())!;
        var clock = Stopwatch.StartNew();
        var each = new Dictionary<string, TimeSpan>();
        while (clock.Elapsed < limit)
        {
            await using (var reader = await new NpgsqlCommand(
                "select name, last_seq_id from bsgfunds.mt_event_progression where name like '%:All'", c).ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                    if (reader.GetInt64(1) >= target) each.TryAdd(reader.GetString(0).Replace(":All", "", StringComparison.Ordinal), clock.Elapsed);
            }

            var projections = (long)(await new NpgsqlCommand(
                "select count(*) from bsgfunds.mt_event_progression where name like '%:All'", c).ExecuteScalarAsync())!;
            if (each.Count >= projections) return (clock.Elapsed, each);
            await Task.Delay(100);
        }

        return null;
    }

    /// <summary>
    /// Median time of proofs at the present tree size: inclusion of events spread over the whole log, and consistency
    /// from sizes spread over it to the present one; and the longest proof seen.
    /// </summary>
    public async Task<(double InclusionMs, double ConsistencyMs, int LongestPath)> ProofsAsync(int times)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync();
        var size = (long)(await new NpgsqlCommand("select coalesce(max(idx) + 1, 0) from bsgfunds.merkle_nodes where level = 0", c)
            .ExecuteScalarAsync())!;
        var sequences = new List<long>();
        await using (var reader = await new NpgsqlCommand(
            "select sequence from bsgfunds.merkle_nodes where level = 0 and idx in " +
            $"(select (random() * {size - 1})::bigint from generate_series(1, {times}))", c).ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) sequences.Add(reader.GetInt64(0));
        }

        var random = new Random(7);
        var longest = 0;
        async Task<int> PathOf(string url)
        {
            var answer = await Send("Auditor", HttpMethod.Get, url);
            answer.EnsureSuccessStatusCode();
            return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetArrayLength();
        }

        var i = 0;
        var inclusion = await Measure.MedianMsAsync(sequences.Count, async () =>
            longest = Math.Max(longest, await PathOf($"/api/audit/proofs/inclusion?sequence={sequences[i++]}&treeSize={size}")));
        var consistency = await Measure.MedianMsAsync(times, async () =>
            longest = Math.Max(longest, await PathOf($"/api/audit/proofs/consistency?from={random.NextInt64(1, size)}&to={size}")));
        return (inclusion, consistency, longest);
    }

    public async Task<double> ReadAsync(string url, int times) =>
        await Measure.MedianMsAsync(times, async () =>
        {
            var answer = await Send("Auditor", HttpMethod.Get, url);
            answer.EnsureSuccessStatusCode();
            await answer.Content.ReadAsByteArrayAsync();
        });

    /// <summary>Rebuilds every projection (the API runs them in parallel); the whole time and each projection's, as the API reports them.</summary>
    public async Task<(TimeSpan Total, IReadOnlyList<(string Projection, double Ms)> Each)> RebuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var answer = await Send("Auditor", HttpMethod.Post, "/api/audit/rebuild");
        answer.EnsureSuccessStatusCode();
        var json = await answer.Content.ReadFromJsonAsync<JsonElement>();
        var each = json.GetProperty("projections").EnumerateArray()
            .Select(p => (p.GetProperty("projection").GetString()!, p.GetProperty("durationMs").GetDouble())).ToList();
        return (clock.Elapsed, each);
    }
}
