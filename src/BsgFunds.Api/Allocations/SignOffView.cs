namespace BsgFunds.Api.Allocations;

public sealed record SignOffView(string Role, string By, Guid? DelegationId, DateTimeOffset At);
