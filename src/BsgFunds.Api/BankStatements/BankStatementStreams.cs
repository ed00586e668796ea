namespace BsgFunds.Api.BankStatements;

public static class BankStatementStreams
{
    public static string Url(Guid id) => $"/api/bank-statements/{id}";

    public static Refusal NotFound(Guid id) => Refusal.NotFound("statement-not-found", $"No bank statement has the id {id}.");
}
