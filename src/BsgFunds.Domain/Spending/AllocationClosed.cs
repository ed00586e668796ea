namespace BsgFunds.Domain.Spending;

/// <summary>The allocation was closed; what was committed and not disbursed went back to its contributions.</summary>
public sealed record AllocationClosed(
    Guid AllocationId, string By, IReadOnlyList<FundingLine> Released, DateTimeOffset At) : IAllocationEvent, ISpendingEvent;
