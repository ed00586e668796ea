namespace BsgFunds.Api.Transparency;

/// <summary>
/// Publishes a signed tree head whenever the tree has grown, at most once per Audit:TreeHeads:Interval (five
/// seconds unless configured). Every node may run it: one head per size is kept, the first signed.
/// </summary>
public sealed class TreeHeadPublisher(
    IDocumentStore store, TreeHeadSigningKey key, TimeProvider clock, IConfiguration configuration, ILogger<TreeHeadPublisher> logger)
    : BackgroundService
{
    private TimeSpan Interval => configuration.GetValue<TimeSpan?>("Audit:TreeHeads:Interval") ?? TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RetryAsync(ct => TreeHeads.RegisterKeyAsync(store, key, clock, ct), stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await RetryAsync(async ct =>
            {
                if (await TreeHeads.PublishAsync(store, key, clock, ct) is { } head)
                    logger.LogDebug("Tree head {TreeSize} {RootHash}", head.TreeSize, head.RootHash);
            }, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // The database may be away for a while (docs/operations.md): log it and try again at the next tick.
    private async Task RetryAsync(Func<CancellationToken, Task> step, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await step(ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not publish a tree head; trying again in {Interval}.", Interval);
                await Task.Delay(Interval, ct);
            }
        }
    }
}
