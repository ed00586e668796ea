using BsgFunds.Domain.BankStatements;

namespace BsgFunds.Api.BankStatements;

public static class GetBankStatementEndpoint
{
    public const string Readers = $"{Roles.FinanceOfficer},{Roles.Auditor}";

    /// <summary>A statement with every line, its status and proposed match, and what is left to do.</summary>
    [WolverineGet("/api/bank-statements/{id}", OperationId = "GetBankStatement")]
    [Authorize(Roles = Readers)]
    [Tags("Bank statements")]
    public static async Task<BankStatementView?> Get(Guid id, IQuerySession session) =>
        await session.LoadAsync<BankStatement>(id) is { } statement ? BankStatementView.Of(statement) : null;
}
