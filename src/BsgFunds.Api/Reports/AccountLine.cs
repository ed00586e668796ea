namespace BsgFunds.Api.Reports;

public sealed record AccountLine(string Account, decimal DebitsChf, decimal CreditsChf, decimal BalanceChf, IReadOnlyDictionary<string,
    decimal> BalanceByCurrency);
