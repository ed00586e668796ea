namespace BsgFunds.Domain.Spending;

public enum DisbursementStatus
{
    Requested,
    Certified,
    Approved,
    Paid,
    Cancelled,
}
