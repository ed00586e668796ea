namespace BsgFunds.Api.Reports;

/// <summary>A trial balance's CSV line: an account, with its balance per original currency as <c>EUR 100.00;USD -5.00</c>.</summary>
public sealed record TrialBalanceRow(string Account, decimal DebitsChf, decimal CreditsChf, decimal BalanceChf, string BalanceByCurrency);
