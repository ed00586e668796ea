namespace BsgFunds.Domain.Spending;

/// <summary>The TSB Director (or a delegate, named with the delegation) approved the allocation.</summary>
public sealed record AllocationApprovedByTsb(Guid AllocationId, string By, string Role, Guid? DelegationId, DateTimeOffset At) : IAllocationEvent;
