namespace BsgFunds.Domain.Spending;

public sealed record DisbursementApproved(
    Guid AllocationId, Guid DisbursementId, string By, string Role, Guid? DelegationId, DateTimeOffset At) : IAllocationEvent;
