namespace BsgFunds.Api.BankStatements;

/// <summary>Configuration section "BankStatements" (docs/bank-statements.md).</summary>
public sealed class BankStatementOptions
{
    /// <summary>The IBAN of the fund's bank account: only its statements are imported. Unset, every import is refused.</summary>
    public string FundIban { get; set; } = string.Empty;

    /// <summary>The largest statement accepted, in bytes (10 MB holds some 10 000 entries); a larger one is refused with 413.</summary>
    public long MaxStatementBytes { get; set; } = 10 * 1024 * 1024;
}
