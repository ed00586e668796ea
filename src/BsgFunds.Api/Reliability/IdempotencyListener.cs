
namespace BsgFunds.Api.Reliability;

/// <summary>Adds the idempotency record to the unit of work that writes the command's events, once per request.</summary>
public sealed class IdempotencyListener(IHttpContextAccessor accessor, TimeProvider clock) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (accessor.HttpContext?.Items[IdempotencyContext.ItemKey] is IdempotencyContext idempotency && !idempotency.Recorded
            && session.PendingChanges.Streams().Any())
        {
            // Insert, not store: a concurrent request with the same key fails its whole commit, so it writes nothing.
            session.Insert(new IdempotencyRecord { Id = idempotency.RecordId, RequestHash = idempotency.RequestHash, CreatedAt = clock.GetUtcNow() });
            idempotency.Recorded = true;
        }

        return Task.CompletedTask;
    }
}
