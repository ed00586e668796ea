namespace BsgFunds.Domain.Spending;

public sealed record DisbursementCancelled(Guid AllocationId, Guid DisbursementId, string By, string Reason, DateTimeOffset At) : IAllocationEvent;
