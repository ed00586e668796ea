namespace BsgFunds.Domain.Spending;

public sealed record AllocationRejected(Guid AllocationId, string By, string Role, string Reason, DateTimeOffset At) : IAllocationEvent;
