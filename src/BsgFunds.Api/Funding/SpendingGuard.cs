using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Funding;

/// <summary>
/// Refuses to commit a spending event from a session that did not pass the <see cref="SpendingGate"/>: a command that
/// moves money without the spending lock is a bug, and fails on its first run instead of racing in production.
/// </summary>
public sealed class SpendingGuard : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var spending = session.PendingChanges.Streams().SelectMany(s => s.Events).FirstOrDefault(e => e.Data is ISpendingEvent);
        if (spending is not null && !SpendingGate.Holds(session))
        {
            throw new InvalidOperationException(
                $"{spending.Data.GetType().Name} changes available funds or pays money out; it is appended only through the SpendingGate.");
        }

        return Task.CompletedTask;
    }
}
