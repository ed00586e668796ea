namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// A finance officer imported a camt.053 statement of the fund's account. One stream per statement, its id derived from the
/// statement's identity (<see cref="BankStatementIdentity"/>), so the same statement cannot be imported twice. The lines and
/// the matches proposed at import are kept as they were then.
/// </summary>
public sealed record BankStatementImported(
    Guid StatementId,
    string AccountIban,
    string StatementReference,
    string? ElectronicSequence,
    string MessageVersion,
    string MessageId,
    IReadOnlyList<StatementEntry> Lines,
    string ImportedBy,
    DateTimeOffset ImportedAt) : IFundEvent;
