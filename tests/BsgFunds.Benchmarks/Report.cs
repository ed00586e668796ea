using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BsgFunds.Benchmarks;

/// <summary>Writes the run's figures, their ratios to the baselines and the goals to docs/performance.md, and the raw numbers to JSON.</summary>
public static class Report
{
    public static async Task WriteAsync(string markdownPath, string jsonPath, List<Result> results, List<string> notes)
    {
        Result? Find(string prefix) => results.FirstOrDefault(r => r.Name.StartsWith(prefix, StringComparison.Ordinal));
        double Rate(string prefix) => Find(prefix)?.PerSecond ?? 0;
        double Ms(string prefix) => Find(prefix)?.P50Ms ?? 0;
        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        static string Pct(double v) => double.IsFinite(v) ? (v * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "n/a";

        var marten = Rate("baseline: Marten quick append");
        var spread = results.Where(r => r.Name.StartsWith("API receipts", StringComparison.Ordinal)).ToList();
        var bestSpread = spread.MaxBy(r => r.PerSecond);
        var spread8 = Rate("API receipts on 100 contributions (spread), 8 clients");
        var hot = Rate("API final approvals on one pool");
        var reads = results.Where(r => r.Name.StartsWith("GET line-items at", StringComparison.Ordinal)).ToList();
        var statements = results.Where(r => r.Name.StartsWith("GET donor statement at", StringComparison.Ordinal)).ToList();
        var asOf = results.Where(r => r.Name.StartsWith("GET line-items as of now", StringComparison.Ordinal)).LastOrDefault();
        var scan = Find("raw ordered scan");
        var rebuild = Find("full rebuild");
        var startup = Ms("API start-up");
        var rss = results.Where(r => r.Name.StartsWith("API peak RSS after the command load",
            StringComparison.Ordinal)).Select(r => r.P50Ms).DefaultIfEmpty(0).Max();

        var text = new StringBuilder();
        text.AppendLine("# Performance");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Figures of one run of `bash tests/benchmark.sh` on {DateTime.UtcNow:yyyy-MM-dd} ({Machine()}). Raw numbers: `docs/performance.json`.");
        text.AppendLine("Everything ran on the same 2 cores: PostgreSQL, the API and the load generator. "
            + "Closed-loop clients over HTTP on loopback; each load lasts 10 s.");
        text.AppendLine();
        text.AppendLine("| measurement | value | unit | p50 ms | p95 ms | p99 ms |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var value = r.Unit is "ms" or "MB" or "hashes" ? r.P50Ms : r.PerSecond;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {F(value)} | {r.Unit} | {(r.P99Ms > 0 ? F(r.P50Ms) : "")} | "
                + $"{(r.P99Ms > 0 ? F(r.P95Ms) : "")} | {(r.P99Ms > 0 ? F(r.P99Ms) : "")} |");
        }

        text.AppendLine();
        text.AppendLine("## Goals");
        text.AppendLine("| goal | measured | met |");
        text.AppendLine("|---|---|---|");
        void Goal(string goal, string measured, bool met) => text.AppendLine(CultureInfo.InvariantCulture,
            $"| {goal} | {measured} | {(met ? "yes" : "**no**")} |");
        Goal("command path ≥ 50 % of raw Marten append",
            $"{F(bestSpread?.PerSecond ?? 0)} / {F(marten)} events/s = {Pct((bestSpread?.PerSecond ?? 0) / marten)}",
            (bestSpread?.PerSecond ?? 0) >= 0.5 * marten);
        Goal("≥ 500 money commands per second", $"{F(bestSpread?.PerSecond ?? 0)}/s", (bestSpread?.PerSecond ?? 0) >= 500);
        var half = spread.Where(r => r.PerSecond <= (bestSpread?.PerSecond ?? 0) * 0.75).MaxBy(r => r.PerSecond) ?? spread.FirstOrDefault();
        Goal("p99 ≤ 50 ms at half load", $"{F(half?.P99Ms ?? 0)} ms at {F(half?.PerSecond ?? 0)}/s", (half?.P99Ms ?? 999) <= 50);
        Goal("hot spot ≥ 50 % of the spread rate", $"{F(hot)} / {F(spread8)} = {Pct(hot / spread8)}", hot >= 0.5 * spread8);
        if (reads.Count > 1)
        {
            Goal("reads at the largest history ≤ 1.3 × at 10 000 events",
                $"line items {F(reads[^1].P50Ms)} vs {F(reads[0].P50Ms)} ms; statement {F(statements[^1].P50Ms)} vs {F(statements[0].P50Ms)} ms",
                reads[^1].P50Ms <= 1.3 * reads[0].P50Ms && statements[^1].P50Ms <= 1.3 * statements[0].P50Ms);
        }

        if (asOf is not null) Goal("as-of report ≤ 2 s", $"{F(asOf.P50Ms)} ms at {asOf.Count:N0} events", asOf.P50Ms <= 2000);
        if (rebuild is not null && scan is not null)
            Goal("rebuild ≤ 3 min and ≥ 30 % of the raw scan rate",
                $"{F(rebuild.P50Ms / 1000)} s; {F(rebuild.PerSecond)} vs {F(scan.PerSecond)} events/s = {Pct(rebuild.PerSecond / scan.PerSecond)}",
                rebuild.P50Ms <= 180_000 && rebuild.PerSecond >= 0.3 * scan.PerSecond);
        var inclusions = results.Where(r => r.Name.StartsWith("GET inclusion proof at", StringComparison.Ordinal)).ToList();
        var consistencies = results.Where(r => r.Name.StartsWith("GET consistency proof at", StringComparison.Ordinal)).ToList();
        var longest = results.Where(r => r.Name.StartsWith("longest proof at", StringComparison.Ordinal)).LastOrDefault();
        if (inclusions.Count > 0 && consistencies.Count > 0 && longest is not null)
            Goal("proofs at the largest history ≤ 50 ms and ≤ 20 hashes (inclusion; consistency ≤ 21)",
                $"inclusion {F(inclusions[^1].P50Ms)} ms, consistency {F(consistencies[^1].P50Ms)} ms at {inclusions[^1].Count:N0} events; "
                + $"longest {longest.P50Ms:0} hashes",
                inclusions[^1].P50Ms <= 50 && consistencies[^1].P50Ms <= 50 && longest.P50Ms <= 21);
        var chain = results.Where(r => r.Name.StartsWith("catch-up of HashChainProjection", StringComparison.Ordinal)).ToList();
        var tree = results.Where(r => r.Name.StartsWith("catch-up of MerkleTreeProjection", StringComparison.Ordinal)).ToList();
        if (chain.Count > 0 && chain.Count == tree.Count)
            Goal("the tree catches up no slower than the chain",
                string.Join("; ", chain.Zip(tree, (c, t) => $"{F(t.P50Ms)} vs {F(c.P50Ms)} ms to {t.Count:N0}")),
                chain.Zip(tree).All(p => p.Second.P50Ms <= p.First.P50Ms * 1.1));
        Goal("start-up to ready ≤ 3 s", $"{F(startup)} ms (pre-generated code, CodeGeneration:Mode=Static)", startup <= 3000);
        Goal("RSS under load ≤ 300 MB", $"{F(rss)} MB peak through start-up and the command loads", rss <= 300);

        text.AppendLine();
        text.AppendLine("## Notes");
        foreach (var note in notes) text.AppendLine($"- {note}");
        var existing = File.Exists(markdownPath) ? await File.ReadAllTextAsync(markdownPath) : string.Empty;
        var analysis = existing.IndexOf("\n## Analysis",
            StringComparison.Ordinal) is var i and >= 0 ? existing[(i + 1)..] : "## Analysis\n(to be written from the figures above)\n";
        text.AppendLine();
        text.Append(analysis);
        await File.WriteAllTextAsync(markdownPath, text.ToString());
        await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new { date = DateTime.UtcNow, machine = Machine(), results, notes },
            new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name",
            StringComparison.Ordinal))?.Split(':')[1].Trim() : null;
        var memoryGib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $", {cpu}")}, {memoryGib} GiB, {Environment.OSVersion}, "
            + $".NET {Environment.Version}, PostgreSQL 15";
    }
}
