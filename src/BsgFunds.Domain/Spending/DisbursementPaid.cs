using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

/// <summary>Paid: commitment turns into expense and cash goes out, from these contributions' commitments.</summary>
public sealed record DisbursementPaid(
    Guid AllocationId, Guid DisbursementId, DateOnly PaidOn, string PaymentReference, decimal AmountChf, UseOfFunds Use,
    IReadOnlyList<FundingLine> Funding, string By, DateTimeOffset At) : IAllocationEvent, ISpendingEvent, ILedgerEvent;
