using BsgFunds.Api.Lists;
using BsgFunds.Domain.BankStatements;

namespace BsgFunds.Api.BankStatements;

public static class ListBankStatementsEndpoint
{
    public static ProblemDetails Validate(int? page, int? pageSize) => Paging.Validate(page, pageSize);

    /// <summary>Statements, the latest import first, each with what is left to do; the lines are on each statement's own address.</summary>
    [WolverineGet("/api/bank-statements", OperationId = "ListBankStatements")]
    [Authorize(Roles = GetBankStatementEndpoint.Readers)]
    [Tags("Bank statements")]
    public static async Task<ListPage<BankStatementSummary>> Get(int? page, int? pageSize, IQuerySession session) =>
        await session.Query<BankStatement>().OrderByDescending(s => s.ImportedAt).ThenBy(s => s.Id)
            .PageAsync(PageRequest.Of(page, pageSize), BankStatementSummary.Of);
}
