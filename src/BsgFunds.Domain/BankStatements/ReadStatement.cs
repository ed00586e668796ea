namespace BsgFunds.Domain.BankStatements;

/// <summary>A camt.053 statement as read from its XML, before the account is checked and the lines are matched.</summary>
public sealed record ReadStatement(
    string MessageVersion, string MessageId, string AccountIban, string StatementReference, string? ElectronicSequence,
    IReadOnlyList<StatementEntry> Entries);
