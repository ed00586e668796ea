namespace BsgFunds.Domain.Spending;

/// <summary>
/// An event of one allocation's stream: the request, sign-offs, final approval with its funding, disbursements and closing.
/// It is appended to the stream of <see cref="AllocationId"/>; the commitments and releases that move money out of and back
/// into each contribution's available balance are contribution events (<see cref="Contributions.IContributionEvent"/>).
/// </summary>
public interface IAllocationEvent : IFundEvent
{
    Guid AllocationId { get; }
}
