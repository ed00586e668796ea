namespace BsgFunds.Domain.Spending;

public sealed record DisbursementRequested(
    Guid AllocationId, Guid DisbursementId, decimal AmountChf, DisbursementKind Kind, Payee Payee, string Purpose,
    Meeting? Meeting, FellowshipType? Fellowship, string RequestedBy, DateTimeOffset RequestedAt) : IAllocationEvent, ISpendingEvent;
