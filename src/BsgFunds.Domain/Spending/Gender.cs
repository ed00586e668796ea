using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public enum Gender
{
    Female,
    Male,
    Other,
    Undisclosed,
}
