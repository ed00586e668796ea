namespace BsgFunds.Api.Reports;

/// <summary>A trial balance's CSV line: an account, with its balance per original currency as <c>EUR 100.00;USD -5.00</c>.</summary>
public sealed record TrialBalanceRow
{
    public required string Account { get; init; }
    public required decimal DebitsChf { get; init; }
    public required decimal CreditsChf { get; init; }
    public required decimal BalanceChf { get; init; }
    public required string BalanceByCurrency { get; init; }
}
