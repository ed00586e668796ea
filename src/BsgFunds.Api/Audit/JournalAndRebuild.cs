using System.Diagnostics;
using BsgFunds.Api.Http;
using BsgFunds.Api.Reports;
using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Security;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Audit;

public static class JournalEndpoint
{
    public static ProblemDetails Validate(int? year) =>
        year is null or < 2000 or > 2100
            ? Problems.From(Refusal.Invalid("year-invalid", "year", "The query parameter 'year' is a budget year such as 2026."))
            : WolverineContinue.NoProblems;

    /// <summary>The year's ledger as a plain-text double-entry journal that hledger and ledger-cli accept (docs/audit.md).</summary>
    [WolverineGet("/api/audit/journal", OperationId = "GetJournal")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    [Produces("text/plain")]
    [ProducesResponseType(typeof(string), 200)]
    public static async Task<IResult> Get(int? year, IQuerySession session)
    {
        var events = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        return Results.Text(Journal.Write(year!.Value, events.Select(e => (e.Sequence, e.Data))), "text/plain; charset=utf-8");
    }
}

public sealed record ProjectionRebuilt(string Projection, long DurationMs);

public sealed record Rebuild(long ThroughSequence, IReadOnlyList<ProjectionRebuilt> Projections);

/// <summary>The async daemon of this process, when it runs one: a single node does; in a cluster Wolverine owns the projections.</summary>
public sealed class LocalDaemon(IServiceProvider services)
{
    public IProjectionDaemon? Daemon => services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase();
}

public static class RebuildEndpoint
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
        var daemon = local.Daemon!;
        var rebuilt = new System.Collections.Concurrent.ConcurrentBag<ProjectionRebuilt>();
        var names = store.Options.Events.Projections().Select(p => p.Name).Distinct().ToList();
        // Projections are independent of each other: rebuild as many at once as there are cores, since each spends
        // part of its time waiting on the database.
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct },
            async (name, token) =>
        {
            var clock = Stopwatch.StartNew();
            logger.LogInformation("Rebuilding projection {Projection}", name);
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(10), token);
            rebuilt.Add(new ProjectionRebuilt(name, clock.ElapsedMilliseconds));
            logger.LogInformation("Rebuilt projection {Projection} in {Milliseconds} ms", name, clock.ElapsedMilliseconds);
        });

        var stats = await store.Advanced.FetchEventStoreStatistics(token: ct);
        return new Rebuild(stats.EventSequenceNumber, rebuilt.OrderBy(r => names.IndexOf(r.Projection)).ToList());
    }
}
