using JasperFx.Events.Daemon;

namespace BsgFunds.Api.Audit;

/// <summary>The async daemon of this process, when it runs one: a single node does; in a cluster Wolverine owns the projections.</summary>
public sealed class LocalDaemon(IServiceProvider services)
{
    public IProjectionDaemon? Daemon => services.GetService<IProjectionCoordinator>()?.DaemonForMainDatabase();
}
