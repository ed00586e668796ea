namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// One entry (<c>Ntry</c>) of a camt.053 statement as it was read: numbered from 1 in the order of the file, with what a
/// receipt needs (value date, amount, the bank's reference) and what matching reads (payer, remittance information).
/// <see cref="NotApplicableReason"/> says why a debit or an entry not booked is no receipt; a credit carries its
/// <see cref="Proposal"/>.
/// </summary>
public sealed record StatementEntry(
    int Number,
    string CreditDebit,
    string EntryStatus,
    DateOnly? BookingDate,
    DateOnly? ValueDate,
    Money Amount,
    string? BankReference,
    string? DebtorName,
    string? DebtorIban,
    IReadOnlyList<string> RemittanceUnstructured,
    string? CreditorReference,
    string? NotApplicableReason,
    MatchProposal? Proposal)
{
    public bool IsApplicable => NotApplicableReason is null;

    /// <summary>The remittance information as one text, for matching and for people.</summary>
    public string Remittance => string.Join(" ", RemittanceUnstructured.Append(CreditorReference ?? string.Empty)).Trim();
}
