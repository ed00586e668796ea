namespace BsgFunds.Domain.Spending;

/// <summary>The last required sign-off made the allocation final: money was committed from these contributions.</summary>
public sealed record AllocationApproved(
    Guid AllocationId, decimal AmountChf, IReadOnlyList<FundingLine> Funding, DateTimeOffset At) : IAllocationEvent, ISpendingEvent;
