using BsgFunds.Domain.Spending;

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
