using BsgFunds.Domain.Spending;
using Marten.Events.Projections;

namespace BsgFunds.Api.Allocations;

// Each disbursement's index changes only through its allocation's stream, whose version is checked on commit,
// so this inline multi-stream projection never loses an update.
public sealed partial class DisbursementIndexProjection : MultiStreamProjection<DisbursementIndex, Guid>
{
    public DisbursementIndexProjection()
    {
        Identity<DisbursementRequested>(e => e.DisbursementId);
        Identity<DisbursementCertified>(e => e.DisbursementId);
        Identity<DisbursementApproved>(e => e.DisbursementId);
        Identity<DisbursementPaid>(e => e.DisbursementId);
        Identity<DisbursementCancelled>(e => e.DisbursementId);
    }

    public static DisbursementIndex Create(DisbursementRequested e) => new()
    {
        Id = e.DisbursementId,
        AllocationId = e.AllocationId,
        Kind = e.Kind,
        Status = DisbursementStatus.Requested,
        MeetingCode = e.Meeting?.Code,
        CountryCode = e.Payee.CountryCode,
        PersonId = e.Payee.PersonId,
        Year = e.Meeting?.StartsOn.Year ?? e.RequestedAt.Year,
        Fellowship = e.Fellowship,
    };

    public static DisbursementIndex Apply(DisbursementCertified e, DisbursementIndex d) => With(d, DisbursementStatus.Certified);

    public static DisbursementIndex Apply(DisbursementApproved e, DisbursementIndex d) => With(d, DisbursementStatus.Approved);

    public static DisbursementIndex Apply(DisbursementPaid e, DisbursementIndex d) => With(d, DisbursementStatus.Paid);

    public static DisbursementIndex Apply(DisbursementCancelled e, DisbursementIndex d) => With(d, DisbursementStatus.Cancelled);

    private static DisbursementIndex With(DisbursementIndex d, DisbursementStatus status)
    {
        d.Status = status;
        return d;
    }
}
