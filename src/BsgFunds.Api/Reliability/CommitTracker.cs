
namespace BsgFunds.Api.Reliability;

/// <summary>
/// Notes on the request that one of its sessions began to commit. From then on a lost connection leaves the outcome
/// unknown (the COMMIT may have reached the server), which the answer must say instead of "nothing was written".
/// </summary>
public sealed class CommitTracker(IHttpContextAccessor accessor) : DocumentSessionListenerBase
{
    private const string ItemKey = "bsgfunds.commit-attempted";

    /// <summary>
    /// Puts the request's commit flag in place before anything runs. Sessions of one request may commit in parallel (the
    /// rebuild runs projections side by side), and a dictionary written from several threads breaks: they only read it.
    /// </summary>
    public static void Begin(HttpContext context) => context.Items[ItemKey] = new Flag();

    public static bool CommitAttempted(HttpContext context) => context.Items.TryGetValue(ItemKey, out var flag) && flag is Flag { Raised: true };

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (accessor.HttpContext?.Items.TryGetValue(ItemKey, out var flag) == true && flag is Flag raised) raised.Raised = true;
        return Task.CompletedTask;
    }

    private sealed class Flag
    {
        private volatile bool raised;

        public bool Raised
        {
            get => raised;
            set => raised = value;
        }
    }
}
