using BsgFunds.Domain.Transparency;
using JasperFx;

namespace BsgFunds.Api.Transparency;

/// <summary>Signs the tree as it stands and publishes the head, once per size; reads the published heads.</summary>
public static class TreeHeads
{
    public static async Task<TreeHead?> LatestAsync(IQuerySession session, CancellationToken ct = default) =>
        (await session.Query<PublishedTreeHead>().OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct))?.ToHead();

    /// <summary>The latest head, signed now over the tree's present size if the tree has grown past it.</summary>
    public static async Task<TreeHead?> PublishAsync(IDocumentStore store, TreeHeadSigningKey key, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        // Read and store in one transaction: the tree's table stays share-locked until the head is stored, so a tree
        // emptied to be grown again (a rebuild from the first event) is either seen whole or waits for the head.
        await session.BeginTransactionAsync(ct);
        var size = await MerkleNodeTable.SizeAsync(session, ct);
        if (size == 0) return null;
        // Only a grown tree gets a head: while a rebuild regrows the tree from its first event, its size is below the
        // latest head's, and that head still stands.
        var latest = await session.Query<PublishedTreeHead>().OrderByDescending(h => h.Id).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Id >= size) return latest.ToHead();

        if (await session.LoadAsync<SigningKeyRecord>(key.KeyId, ct) is not { } current)
        {
            await RegisterKeyAsync(store, key, clock, ct);
        }
        else if (current.To is not null)
        {
            // A node still running an old key after a rotation must not sign: its heads would not be the fund's.
            throw new RefusedException(Refusal.Conflict("signing-key-retired",
                $"This node's tree-head signing key {key.KeyId} was retired at {current.To:O}; it signs no more heads. " +
                "Restart it with the current key (docs/operations.md), or send the request to a node that has it."));
        }

        var root = await RootAsync(session, size, ct);
        var head = TreeHeadSignature.Sign(key.Key, size, root, clock.GetUtcNow());
        session.Insert(PublishedTreeHead.Of(head));
        try
        {
            await session.SaveChangesAsync(ct);
            return head;
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another node signed the same size first: one head per size, the first one.
            await using var again = store.QuerySession();
            return (await again.LoadAsync<PublishedTreeHead>(size, ct))?.ToHead();
        }
    }

    public static async Task<byte[]> RootAsync(IQuerySession session, long size, CancellationToken ct)
    {
        var range = new LeafRange(0, size);
        return range.Hash(await MerkleNodeTable.ReadAsync(session, range.Subtrees(), ct));
    }

    /// <summary>
    /// Makes this node's key the current one: a key seen for the first time is valid from now, and the key it replaces
    /// until now. Run at start, before the first head is signed.
    /// </summary>
    public static async Task RegisterKeyAsync(IDocumentStore store, TreeHeadSigningKey key, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<SigningKeyRecord>(key.KeyId, ct) is not null) return;
        var now = clock.GetUtcNow();
        foreach (var retired in await session.Query<SigningKeyRecord>().Where(k => k.To == null).ToListAsync(ct))
        {
            retired.To = now;
            session.Store(retired);
        }

        session.Insert(new SigningKeyRecord { Id = key.KeyId, PublicKeyPem = key.PublicKeyPem, From = now });
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another node with the same key registered it at the same moment.
        }
    }
}
