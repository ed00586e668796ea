namespace BsgFunds.Domain.Spending;

/// <summary>The BDT Director signed off the allocation (capacity building, or at or above the threshold).</summary>
public sealed record AllocationSignedOffByBdt(Guid AllocationId, string By, string Role, DateTimeOffset At) : IAllocationEvent;
