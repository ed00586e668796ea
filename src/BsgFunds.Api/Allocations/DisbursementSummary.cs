using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Allocations;

public sealed record DisbursementSummary(Guid Id, decimal AmountChf, DisbursementKind Kind, string Payee, DisbursementStatus Status);
