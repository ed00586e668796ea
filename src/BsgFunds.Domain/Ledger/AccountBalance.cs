namespace BsgFunds.Domain;

public sealed record AccountBalance(string Account, decimal DebitsChf, decimal CreditsChf, IReadOnlyDictionary<string, decimal> OriginalByCurrency)
{
    public decimal BalanceChf => DebitsChf - CreditsChf;
}
