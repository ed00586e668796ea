namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// A statement is the account, the bank's statement id (<c>Stmt/Id</c>) and its electronic sequence number
/// (<c>Stmt/ElctrncSeqNb</c>, optional in the schema). Its stream id is a name-based UUID of the three, so two imports of one
/// statement start the same stream, and the second fails however close together they come.
/// </summary>
public static class BankStatementIdentity
{
    public static Guid StreamId(string accountIban, string statementReference, string? electronicSequence) =>
        StreamIds.NameBased($"bank-statement:{accountIban}:{statementReference}:{electronicSequence ?? "-"}");
}
