namespace BsgFunds.Domain.Spending;

/// <summary>An event of one allocation's stream (its disbursements included): it is appended to the stream of <see cref="AllocationId"/>.</summary>
public interface IAllocationEvent : IFundEvent
{
    Guid AllocationId { get; }
}
