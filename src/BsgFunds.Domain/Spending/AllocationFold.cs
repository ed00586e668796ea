namespace BsgFunds.Domain.Spending;

public static class AllocationFold
{
    public static Allocation Apply(Allocation state, object @event) => @event switch
    {
        AllocationApprovedByTsb e => state.Apply(e),
        AllocationSignedOffByBdt e => state.Apply(e),
        AllocationApproved e => state.Apply(e),
        AllocationRejected e => state.Apply(e),
        AllocationClosed e => state.Apply(e),
        DisbursementRequested e => state.Apply(e),
        DisbursementCertified e => state.Apply(e),
        DisbursementApproved e => state.Apply(e),
        DisbursementPaid e => state.Apply(e),
        DisbursementCancelled e => state.Apply(e),
        _ => state,
    };
}
