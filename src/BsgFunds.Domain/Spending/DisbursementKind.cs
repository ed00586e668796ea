using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public enum DisbursementKind
{
    Fellowship,
    Vendor,
    Expert,
    Institution,
}
