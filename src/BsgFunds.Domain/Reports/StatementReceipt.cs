namespace BsgFunds.Domain.Reports;

public sealed record StatementReceipt(long Sequence, DateOnly ValueDate, Money Amount, decimal RateToChf, decimal AmountChf, decimal PscChf,
    decimal ExchangeDifferenceChf, string? BankReference, long? Reverses);
