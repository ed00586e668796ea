namespace BsgFunds.Domain.Spending;

public enum AllocationStatus
{
    Requested,
    Approved,
    Rejected,
    Closed,
}
