namespace BsgFunds.Domain.Statements;

/// <summary>
/// One posting line (<see cref="Postings.For"/>) as the financial statements read it (docs/statements.md): the same account
/// and CHF amount (debit positive), dated by its event's business date, with what it is in the statements. The lines of an
/// event add up, account by account, to its postings; a payment's expense line is split over the money that paid it.
/// </summary>
/// <param name="Class">The net assets it belongs to: <c>Unrestricted</c> or a restricted net-assets account; null for an
/// asset or a liability.</param>
/// <param name="Item">What it is in the statement of financial performance (<see cref="StatementItems"/>); null when it
/// moves money within net assets only.</param>
/// <param name="Standard">The revenue standard of the contribution the line belongs to (IPSAS 23 or IPSAS 47).</param>
public sealed record StatementLine(
    DateOnly Date, long Sequence, string Event, string Account, decimal AmountChf, string? Class, string? Item,
    string? Source = null, string? Nature = null, int? Programme = null, string? Use = null, string? Standard = null,
    Guid? ContributionId = null, Guid? DonorId = null);
