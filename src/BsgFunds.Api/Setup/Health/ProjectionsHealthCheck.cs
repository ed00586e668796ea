using JasperFx;
using JasperFx.Events.Daemon;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BsgFunds.Api.Setup.Health;

/// <summary>
/// Unhealthy while any asynchronous projection is paused by an error, since its reports would silently go stale.
/// In a cluster the projections run wherever Wolverine assigned them, so this node cannot see their state; the
/// async daemon check (lag against the high-water mark, read from the database) covers them there.
/// </summary>
public sealed class ProjectionsHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<IProjectionCoordinator>() is not { } coordinator)
            return Task.FromResult(HealthCheckResult.Healthy("Projections are distributed across the cluster by Wolverine."));
        var daemon = coordinator.DaemonForMainDatabase();
        var paused = daemon.CurrentAgents().Where(a => a.Status == AgentStatus.Paused).Select(a => a.Name.Identity).ToList();
        return Task.FromResult(paused.Count == 0
            ? HealthCheckResult.Healthy("No projection is paused.")
            : HealthCheckResult.Unhealthy($"Paused after an error: {string.Join(", ", paused)}."));
    }
}
