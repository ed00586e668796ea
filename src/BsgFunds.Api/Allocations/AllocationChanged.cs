namespace BsgFunds.Api.Allocations;

/// <summary>What an allocation command answers: the allocation after it.</summary>
public sealed record AllocationChanged(long EventSequence, AllocationView Allocation);
