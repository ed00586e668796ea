using BsgFunds.Domain;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace BsgFunds.Api.Allocations;

public sealed partial class BudgetProjection : SingleStreamProjection<LineItemBudget, Guid>
{
    public static LineItemBudget Create(BudgetPlanned e) => LineItemBudget.Create(e);

    public static LineItemBudget Apply(BudgetPlanned e, LineItemBudget b) => b.Apply(e);
}

public sealed partial class DelegationProjection : SingleStreamProjection<Delegation, Guid>
{
    public static Delegation Create(DelegationGranted e) => Delegation.Create(e);
}

/// <summary>
/// Keeps each allocation's state (inline) with the one fold the decisions use, <see cref="AllocationFold.Apply"/>. It takes every
/// allocation event (<see cref="IAllocationEvent"/>), so a new event needs no line here.
/// </summary>
public sealed partial class AllocationProjection : SingleStreamProjection<Allocation, Guid>
{
    public static Allocation Create(AllocationRequested requested) => Allocation.Create(requested);

    public static Allocation Apply(IAllocationEvent e, Allocation state) => AllocationFold.Apply(state, e);
}

/// <summary>Where each disbursement lives (its allocation) and what the fellowship limits need to query.</summary>
public sealed class DisbursementIndex
{
    public Guid Id { get; set; }

    public Guid AllocationId { get; set; }

    public DisbursementKind Kind { get; set; }

    public DisbursementStatus Status { get; set; }

    public string? MeetingCode { get; set; }

    public string CountryCode { get; set; } = string.Empty;

    public string? PersonId { get; set; }

    public int Year { get; set; }

    public FellowshipType? Fellowship { get; set; }
}

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
