using System.Text.Json;
using BsgFunds.Api.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

public static class GetReceiptProofEndpoint
{
    public const string Readers = $"{Roles.FinanceOfficer},{Roles.Auditor},{Roles.Donor}";

    /// <summary>
    /// A verifiable receipt: proof that this receipt of the contribution is in the fund's published log, which the donor
    /// checks with the public key alone (docs/audit.md). A Donor gets only its own.
    /// </summary>
    [WolverineGet("/api/contributions/{id}/receipts/{sequence}/proof", OperationId = "GetReceiptProof")]
    [Authorize(Roles = Readers)]
    [Tags("Contributions")]
    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
    public static async Task<ReceiptProof> Get(Guid id, long sequence, IQuerySession session, IDocumentStore store, ClaimsPrincipal user,
        IConfiguration configuration, CancellationToken ct)
    {
        var notFound = new RefusedException(Refusal.NotFound("receipt-not-found",
            $"Contribution {id} has no receipt at sequence {sequence}, or it is not yours to see."));
        var contribution = await session.LoadAsync<Contribution>(id, ct);
        if (contribution is null || !user.MaySeeDonor(contribution.DonorId)) throw notFound;
        var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence == sequence && e.StreamId == id).ToListAsync(ct);
        if (events is not [{ Data: ContributionReceived }]) throw notFound;

        var head = await TreeHeads.LatestAsync(session, ct);
        var leafIndex = await MerkleNodeTable.LeafIndexAsync(session, sequence, ct);
        if (head is null || leafIndex is null || leafIndex >= head.TreeSize)
        {
            var seconds = (int)Math.Ceiling((configuration.GetValue<TimeSpan?>("Audit:TreeHeads:Interval") ?? TimeSpan.FromSeconds(5)).TotalSeconds);
            throw new RefusedException(Refusal.Conflict("receipt-not-yet-signed",
                $"The receipt at sequence {sequence} is not yet in a signed tree head; one is published every few seconds."))
            {
                RetryAfterSeconds = seconds,
            };
        }

        ExportedEvent? stored = null;
        await foreach (var e in AuditLog.ReadAsync(store, sequence - 1, sequence, 1, ct)) stored = e;
        if (stored is null) throw notFound;
        var inclusion = await Proofs.InclusionAsync(session, sequence, leafIndex.Value, head.TreeSize, ct);
        return new ReceiptProof(id, sequence, LogLeaf.Text(stored.Event), inclusion.LeafHash, ExportForm(stored), inclusion, head);
    }

    private static JsonElement ExportForm(ExportedEvent stored)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer)) EventJson.Write(writer, stored);
        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }
}
