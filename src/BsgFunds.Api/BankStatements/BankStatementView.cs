using BsgFunds.Domain.BankStatements;

namespace BsgFunds.Api.BankStatements;

/// <summary>A statement, what is left to do on it, and its lines.</summary>
public sealed record BankStatementView(
    Guid Id, string AccountIban, string StatementReference, string? ElectronicSequence, string MessageVersion, string MessageId,
    string ImportedBy, DateTimeOffset ImportedAt, StatementProgress Progress, IReadOnlyList<BankStatementLineView> Lines, string Url)
{
    public static BankStatementView Of(BankStatement s) => new(s.Id, s.AccountIban, s.StatementReference, s.ElectronicSequence,
        s.MessageVersion, s.MessageId, s.ImportedBy, s.ImportedAt, StatementProgress.Of(s), s.Lines.Select(BankStatementLineView.Of).ToList(),
        BankStatementStreams.Url(s.Id));
}

/// <summary>How many lines are in each status; <see cref="LeftToDo"/> are the lines the officer must still confirm or set aside.</summary>
public sealed record StatementProgress(int Lines, int LeftToDo, int Proposed, int Unmatched, int Confirmed, int SetAside, int NotApplicable)
{
    public static StatementProgress Of(BankStatement s) => new(s.Lines.Count, s.OpenCount, s.CountOf(LineStatus.Proposed),
        s.CountOf(LineStatus.Unmatched), s.CountOf(LineStatus.Confirmed), s.CountOf(LineStatus.SetAside), s.CountOf(LineStatus.NotApplicable));
}

/// <summary>A statement line: the entry as the bank reported it, the match proposed at import, and where it stands.</summary>
public sealed record BankStatementLineView(
    int Number, LineStatus Status, string CreditDebit, string EntryStatus, DateOnly? BookingDate, DateOnly? ValueDate, Money Amount,
    string? BankReference, string? DebtorName, string? DebtorIban, IReadOnlyList<string> RemittanceUnstructured, string? CreditorReference,
    string? NotApplicableReason, MatchProposal? Proposal, Guid? ContributionId, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? SetAsideReason)
{
    public static BankStatementLineView Of(BankStatementLine l) => new(l.Entry.Number, l.Status, l.Entry.CreditDebit, l.Entry.EntryStatus,
        l.Entry.BookingDate, l.Entry.ValueDate, l.Entry.Amount, l.Entry.BankReference, l.Entry.DebtorName, l.Entry.DebtorIban,
        l.Entry.RemittanceUnstructured, l.Entry.CreditorReference, l.Entry.NotApplicableReason, l.Entry.Proposal, l.ContributionId,
        l.DecidedBy, l.DecidedAt, l.SetAsideReason);
}

/// <summary>A statement in a list: its identity and what is left to do, without its lines.</summary>
public sealed record BankStatementSummary(
    Guid Id, string AccountIban, string StatementReference, string? ElectronicSequence, string MessageVersion, string ImportedBy,
    DateTimeOffset ImportedAt, StatementProgress Progress, string Url)
{
    public static BankStatementSummary Of(BankStatement s) => new(s.Id, s.AccountIban, s.StatementReference, s.ElectronicSequence,
        s.MessageVersion, s.ImportedBy, s.ImportedAt, StatementProgress.Of(s), BankStatementStreams.Url(s.Id));
}
