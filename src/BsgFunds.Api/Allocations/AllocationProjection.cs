using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace BsgFunds.Api.Allocations;

/// <summary>
/// Keeps each allocation's state (inline) with the one fold the decisions use, <see cref="AllocationFold.Apply"/>. It takes every
/// allocation event (<see cref="IAllocationEvent"/>), so a new event needs no line here.
/// </summary>
public sealed partial class AllocationProjection : SingleStreamProjection<Allocation, Guid>
{
    // The concrete types, so that a rebuild reads only these events (an interface alone would make it read them all).
    public AllocationProjection()
    {
        foreach (var type in FundEvents.Implementing<IAllocationEvent>()) IncludeType(type);
    }

    public static Allocation Create(AllocationRequested requested) => Allocation.Create(requested);

    public static Allocation Apply(IAllocationEvent e, Allocation state) => AllocationFold.Apply(state, e);
}
