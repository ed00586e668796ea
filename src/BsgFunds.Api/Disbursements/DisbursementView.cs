using BsgFunds.Api.Setup;
using BsgFunds.Api.Allocations;
using BsgFunds.Domain;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten;

namespace BsgFunds.Api.Disbursements;

public sealed record DisbursementView(
    Guid Id, Guid AllocationId, decimal AmountChf, DisbursementKind Kind, Payee Payee, string Purpose, Meeting? Meeting, FellowshipType? Fellowship,
    DisbursementStatus Status, string RequestedBy, DateTimeOffset RequestedAt, DisbursementCertified? Certified, DisbursementApproved? Approved,
    DisbursementPaid? Paid, DisbursementCancelled? Cancelled)
{
    public static DisbursementView Of(Disbursement d)
    {
        var r = d.Request;
        return new DisbursementView(r.DisbursementId, r.AllocationId, r.AmountChf, r.Kind, r.Payee, r.Purpose, r.Meeting, r.Fellowship,
            d.Status, r.RequestedBy, r.RequestedAt, d.Certified, d.Approved, d.Paid, d.Cancelled);
    }
}

/// <summary>What a disbursement command answers: the disbursement after it and the event's ledger sequence.</summary>
public sealed record DisbursementChanged(long EventSequence, DisbursementView Disbursement);

public static class DisbursementStreams
{
    /// <summary>The allocation stream a disbursement lives in, for writing.</summary>
    public static async Task<IEventStream<Allocation>> FetchAsync(IDocumentSession session, Guid disbursementId, HttpContext? http = null,
        CancellationToken ct = default)
    {
        var index = await session.LoadAsync<DisbursementIndex>(disbursementId, ct)
            ?? throw new RefusedException(Refusal.NotFound("disbursement-not-found", $"No disbursement has the id {disbursementId}."));
        return await AllocationStreams.FetchAsync(session, index.AllocationId, http, ct);
    }

    public static async Task<DisbursementChanged> CommitAsync<T>(IDocumentSession session, IEventStream<Allocation> stream, Guid disbursementId,
        Decision<T> decision, CancellationToken ct = default)
        where T : notnull
    {
        var events = decision.OrRefuse().Cast<object>().ToList();
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        Preconditions.SetETag(null, stream.Events.Last().Version);
        var after = events.Aggregate(stream.Aggregate!, AllocationFold.Apply);
        return new DisbursementChanged(stream.Events.Last().Sequence, DisbursementView.Of(after.Disbursement(disbursementId)!));
    }
}
