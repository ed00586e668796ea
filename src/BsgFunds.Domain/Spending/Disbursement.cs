namespace BsgFunds.Domain.Spending;

public sealed record Disbursement(
    DisbursementRequested Request, DisbursementStatus Status, DisbursementCertified? Certified, DisbursementApproved? Approved,
    DisbursementPaid? Paid, DisbursementCancelled? Cancelled)
{
    public Guid Id => Request.DisbursementId;

    public bool IsActive => Status != DisbursementStatus.Cancelled;
}
