namespace BsgFunds.Domain.Spending;

public enum DisbursementKind
{
    Fellowship,
    Vendor,
    Expert,
    Institution,
}
