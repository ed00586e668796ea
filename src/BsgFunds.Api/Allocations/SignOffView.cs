using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Allocations;

public sealed record SignOffView(string Role, string By, Guid? DelegationId, DateTimeOffset At);
