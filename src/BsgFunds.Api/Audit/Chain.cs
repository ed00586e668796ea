using BsgFunds.Domain.Audit;

namespace BsgFunds.Api.Audit;

public static class Chain
{
    public static async Task<Digest> DigestAsync(IQuerySession session, TimeProvider clock)
    {
        var head = await session.Query<ChainLink>().OrderByDescending(l => l.Id).FirstOrDefaultAsync();
        return new Digest(head?.Id ?? 0, head?.Hash ?? ChainHash.Genesis, clock.GetUtcNow());
    }

    public static async Task<Verification> VerifyAsync(IDocumentStore store, IQuerySession session, long sequence, string hash)
    {
        var head = await session.Query<ChainLink>().OrderByDescending(l => l.Id).FirstOrDefaultAsync();
        if ((head?.Id ?? 0) < sequence)
            throw new RefusedException(Refusal.Conflict("digest-not-chained",
                $"The chain reaches sequence {head?.Id ?? 0}; sequence {sequence} is not chained yet."));

        var links = (await session.Query<ChainLink>().Where(l => l.Id <= sequence).ToListAsync()).ToDictionary(l => l.Id, l => l.Hash);
        var events = new Dictionary<long, ChainedEvent>();
        await foreach (var e in AuditLog.ReadAsync(store, 0, sequence, null)) events[e.Event.Sequence] = e.Event;

        var previous = ChainHash.Genesis;
        long? broken = null;
        foreach (var s in links.Keys.Union(events.Keys).Order())
        {
            if (!events.TryGetValue(s, out var stored))
            {
                broken ??= s;     // chained once, gone now: deleted
                continue;
            }

            previous = ChainHash.Of(stored, previous);
            if (!links.TryGetValue(s, out var linked) || linked != previous) broken ??= s;
        }

        var intact = broken is null && previous == hash;
        var detail = intact ? $"The chain is intact up to sequence {sequence}."
            : broken is { } b ? $"The chain breaks at sequence {b}: the event stored there is not the one that was chained."
            : "The events agree with the stored chain but not with this digest: the digest is not from this ledger, " +
              "or the chain itself was rewritten.";
        return new Verification(intact, sequence, hash, previous, intact ? null : broken, detail);
    }
}
