
namespace BsgFunds.Api.Reports;

/// <summary>The present-day trial balance: one document, kept by the async daemon, which applies events one at a time in sequence order.</summary>
public sealed class LedgerBalances
{
    public const string LedgerId = "ledger";

    public string Id { get; set; } = LedgerId;

    public TrialBalance Balance { get; set; } = TrialBalance.Empty;
}
