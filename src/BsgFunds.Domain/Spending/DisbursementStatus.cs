using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public enum DisbursementStatus
{
    Requested,
    Certified,
    Approved,
    Paid,
    Cancelled,
}
