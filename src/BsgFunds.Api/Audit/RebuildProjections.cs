using System.Diagnostics;

namespace BsgFunds.Api.Audit;

public static class RebuildProjectionsEndpoint
{
    public static ProblemDetails Validate(LocalDaemon local) => local.Daemon is not null
        ? WolverineContinue.NoProblems
        : Problems.From(Refusal.Conflict("rebuild-needs-single-node",
            "In a cluster the projections run wherever Wolverine assigned them, so one node cannot rebuild them safely. " +
            "Stop the nodes and run 'dotnet BsgFunds.Api.dll projections rebuild' (docs/operations.md)."));

    /// <summary>
    /// Rebuilds every projection from the events, as many at once as there are cores, and says how long each took. Projections are
    /// deterministic functions of the events, so the rebuilt documents are identical to the live ones.
    /// </summary>
    [WolverinePost("/api/audit/rebuild", OperationId = "RebuildProjections")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    [ProducesResponseType(typeof(ProblemDetails), 409)]
    public static async Task<Rebuild> Post(IDocumentStore store, LocalDaemon local, ILogger<Rebuild> logger, CancellationToken ct)
    {
        var rebuilt = new System.Collections.Concurrent.ConcurrentBag<ProjectionRebuilt>();
        var names = store.Options.Events.Projections().Select(p => p.Name).Distinct().ToList();
        // Projections are independent of each other: rebuild as many at once as there are cores, since each spends
        // part of its time waiting on the database.
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (name, token) =>
        {
            var clock = Stopwatch.StartNew();
            logger.LogInformation("Rebuilding projection {Projection}", name);
            await local.RebuildAsync(name, TimeSpan.FromMinutes(10), token);
            rebuilt.Add(new ProjectionRebuilt(name, clock.ElapsedMilliseconds));
            logger.LogInformation("Rebuilt projection {Projection} in {Milliseconds} ms", name, clock.ElapsedMilliseconds);
        });

        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        return new Rebuild(stats.EventSequenceNumber, rebuilt.OrderBy(r => names.IndexOf(r.Projection)).ToList());
    }
}
