namespace BsgFunds.Api.BankStatements;

/// <summary>A statement refused before it is read as a statement, with the status the refusal's kind alone does not give (413, 415).</summary>
public sealed class StatementRefusedException(int status, Refusal refusal) : Exception(refusal.Detail)
{
    public int Status { get; } = status;

    public Refusal Refusal { get; } = refusal;
}
