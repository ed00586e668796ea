namespace BsgFunds.Domain.BankStatements;

/// <summary>How sure a proposed match is (docs/bank-statements.md): the officer confirms every one of them.</summary>
public enum MatchConfidence
{
    /// <summary>The agreement's reference is in the remittance information, and currency and amount fit.</summary>
    High,

    /// <summary>A registered bank account of the donor paid an amount an instalment is due for, or a reference with a misfit.</summary>
    Medium,

    /// <summary>Only the payer's name matches a donor, with an instalment of that amount due.</summary>
    Low,
}
