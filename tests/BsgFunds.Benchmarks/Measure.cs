using System.Diagnostics;

namespace BsgFunds.Benchmarks;

public sealed record Result(string Name, double PerSecond, double P50Ms, double P95Ms, double P99Ms, long Count, string Unit = "ops/s");

/// <summary>Closed-loop load: N workers repeat an operation for a duration; throughput and latency percentiles.</summary>
public static class Measure
{
    public static async Task<Result> LoadAsync(string name, int workers, TimeSpan duration, Func<int, long, Task<bool>> operation)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var stop = DateTime.UtcNow + duration;
        var clock = Stopwatch.StartNew();
        long ok = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            long i = 0;
            while (DateTime.UtcNow < stop)
            {
                var t = Stopwatch.GetTimestamp();
                if (await operation(w, i++)) Interlocked.Increment(ref ok);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new Result(name, ok / seconds, P(0.50), P(0.95), P(0.99), ok);
    }

    public static async Task<double> MedianMsAsync(int times, Func<Task> operation)
    {
        var samples = new List<double>();
        for (var i = 0; i < times; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await operation();
            samples.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        return samples.Order().ElementAt(samples.Count / 2);
    }
}
