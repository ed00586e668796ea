using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public sealed record Meeting(string Code, DateOnly StartsOn);
