namespace BsgFunds.Domain;

/// <summary>
/// One line of a double-entry posting: a positive <see cref="AmountChf"/> is a debit, a negative one a credit.
/// <see cref="Original"/> is the same line in the currency the money moved in (CHF where it moved in CHF).
/// </summary>
public sealed record Posting(string Account, decimal AmountChf, Money Original);
