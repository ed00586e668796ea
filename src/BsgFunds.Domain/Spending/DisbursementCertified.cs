namespace BsgFunds.Domain.Spending;

public sealed record DisbursementCertified(Guid AllocationId, Guid DisbursementId, string By, DateTimeOffset At) : IAllocationEvent;
