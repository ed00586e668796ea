using System.Diagnostics;
using System.Globalization;

namespace BsgFunds.FaultInjection;

/// <summary>
/// Kills the API, restarts PostgreSQL and cuts the API's database connections while clients record receipts with
/// Idempotency-Keys and retry until acknowledged; then proves that no acknowledged receipt was lost, none was
/// applied twice, the trial balance is zero and the projections caught up. Every step is bounded in time.
/// </summary>
public static class FaultSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[(2 * i) + 1]);
        var setup = new SingleNode(o["api-dll"], o["pg-bin"], o["pg-data"], int.Parse(o["pg-port"], CultureInfo.InvariantCulture),
            int.Parse(o["relay-port"], CultureInfo.InvariantCulture), int.Parse(o["api-port"], CultureInfo.InvariantCulture),
                o.GetValueOrDefault("run-as"));
        var results = new List<string>();
        var failed = 0;
        foreach (var (name, fault) in new (string, Func<SingleNode, Task>)[]
                 {
                     ("kill -9 the API mid-load, restart it", s => s.KillAndRestartApiAsync()),
                     ("restart PostgreSQL with pg_ctl -m immediate mid-load", s => s.RestartPostgresImmediateAsync()),
                     ("cut the API's database connections (TCP relay down 5 s), restore them", s => s.CutRelayAsync()),
                     ("stop PostgreSQL for 5 s mid-load (pg_ctl -m immediate stop), start it again", s => s.StopPostgresAsync()),
                 })
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var outcome = await setup.RunScenarioAsync(fault);
                results.Add($"PASS  {name}: {outcome} ({clock.Elapsed.TotalSeconds:0.0} s)");
            }
            catch (Exception e)
            {
                failed++;
                results.Add($"FAIL  {name}: {e.Message} ({clock.Elapsed.TotalSeconds:0.0} s)");
            }
        }

        await setup.StopAsync();

        // Needs the single node stopped: it runs its projections alone, outside the cluster.
        var scaleOut = Stopwatch.StartNew();
        const string twoNodes = "two API nodes, kill -9 the one running most projections";
        try
        {
            var outcome = await new TwoNodes(o["api-dll"], int.Parse(o["pg-port"], CultureInfo.InvariantCulture), int.Parse(o["api-port"],
                CultureInfo.InvariantCulture) + 1).RunAsync();
            results.Add($"PASS  {twoNodes}: {outcome} ({scaleOut.Elapsed.TotalSeconds:0.0} s)");
        }
        catch (Exception e)
        {
            failed++;
            results.Add($"FAIL  {twoNodes}: {e.Message} ({scaleOut.Elapsed.TotalSeconds:0.0} s)");
        }

        foreach (var line in results) Console.WriteLine(line);
        Console.WriteLine($"{results.Count - failed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
