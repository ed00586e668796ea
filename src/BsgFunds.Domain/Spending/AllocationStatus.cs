using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public enum AllocationStatus
{
    Requested,
    Approved,
    Rejected,
    Closed,
}
