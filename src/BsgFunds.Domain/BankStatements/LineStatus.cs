namespace BsgFunds.Domain.BankStatements;

/// <summary>Where a statement line stands (api.md "Bank statements").</summary>
public enum LineStatus
{
    /// <summary>A credit with one or more candidate contributions, waiting for the officer.</summary>
    Proposed,

    /// <summary>A credit that fits no contribution, waiting for the officer to name one or set it aside.</summary>
    Unmatched,

    /// <summary>The officer confirmed it: the receipt is recorded on the contribution.</summary>
    Confirmed,

    /// <summary>The officer set it aside, with a reason: no receipt is recorded from it.</summary>
    SetAside,

    /// <summary>A debit, an entry not booked yet, or one without a bank reference: listed, never a receipt.</summary>
    NotApplicable,
}
