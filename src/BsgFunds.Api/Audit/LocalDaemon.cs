using JasperFx.Events.Daemon;

namespace BsgFunds.Api.Audit;

/// <summary>The async daemon of this process, when it runs one: a single node does; in a cluster Wolverine owns the projections.</summary>
public sealed class LocalDaemon(IServiceProvider services)
{
    public IProjectionDaemon? Daemon => services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase();

    /// <summary>Rebuilds one projection from the first event, then lets it go on with the events that follow.</summary>
    public async Task RebuildAsync(string projection, TimeSpan timeout, CancellationToken ct)
    {
        var daemon = Daemon ?? throw new InvalidOperationException("This process runs no projection daemon.");
        var shard = $"{projection}:All";
        var continuous = daemon.CurrentAgents().Any(a => a.Name.Identity == shard);
        await daemon.RebuildProjectionAsync(projection, timeout, ct);
        // The daemon stops an async projection's continuous agent to rebuild it and does not start it again
        // (JasperFx/jasperfx#535): without this the projection would stand still at the rebuilt sequence while new events
        // arrive. Inline projections have no agent.
        if (continuous && !daemon.CurrentAgents().Any(a => a.Name.Identity == shard && a.Status == JasperFx.AgentStatus.Running))
            await daemon.StartAgentAsync(shard, ct);
    }
}
