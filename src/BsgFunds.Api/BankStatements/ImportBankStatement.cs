using BsgFunds.Domain.BankStatements;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using Marten.Exceptions;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.BankStatements;

/// <summary>
/// Imports a camt.053 statement of the fund's account (docs/bank-statements.md): read safely, checked against its official
/// schema, its credits matched to contributions. The statement's identity is its stream id, so a second import of it,
/// however close, answers 409 pointing at the first and writes nothing.
/// </summary>
public static class ImportBankStatementEndpoint
{
    public const string Route = "/api/bank-statements";

    [WolverinePost(Route, OperationId = "ImportBankStatement")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Bank statements")]
    [XmlRequestBody("An ISO 20022 camt.053 statement (camt.053.001.02 or camt.053.001.08), one statement (Stmt) of the fund's account.")]
    [ProducesResponseType(typeof(BankStatementView), StatusCodes.Status201Created)]
    public static async Task<IResult> Post(HttpContext http, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        IOptions<BankStatementOptions> options)
    {
        var actor = user.Actor(clock);
        Domain.BankStatements.ReadStatement read;
        try
        {
            var document = await StatementXml.ReadAsync(http.Request, options.Value.MaxStatementBytes, http.RequestAborted);
            var (statement, refusal) = Camt053Reader.Read(document);
            if (refusal is not null) throw new RefusedException(refusal);
            read = statement!;
        }
        catch (StatementRefusedException e)
        {
            var problem = Problems.From(e.Refusal);
            problem.Status = e.Status;
            return Results.Problem(problem);
        }

        var id = BankStatementIdentity.StreamId(Iban.Normalise(read.AccountIban), read.StatementReference, read.ElectronicSequence);
        if (await session.Events.FetchStreamStateAsync(id, http.RequestAborted) is not null) return AlreadyImported(http, id, read);

        var book = new MatchingBook(
            await session.Query<Contribution>().Where(c => c.Agreement != null).ToListAsync(http.RequestAborted),
            await session.Query<Donor>().ToListAsync(http.RequestAborted));
        var imported = BankStatementImport.Decide(read, options.Value.FundIban, book, actor).OrRefuse()[0];
        session.Events.StartStream<BankStatement>(imported.StatementId, imported);
        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another import of the same statement committed first: this one wrote nothing, and its unit of work is dropped
            // so that the transaction Wolverine commits after the endpoint does not try it again.
            session.EjectAllPendingChanges();
            return AlreadyImported(http, id, read);
        }

        var url = BankStatementStreams.Url(imported.StatementId);
        return Results.Created(url, BankStatementView.Of(BankStatement.Create(imported)));
    }

    private static IResult AlreadyImported(HttpContext http, Guid id, Domain.BankStatements.ReadStatement read)
    {
        var url = BankStatementStreams.Url(id);
        var problem = Problems.From(Refusal.Conflict("statement-already-imported",
            $"Stmt/Id: statement '{read.StatementReference}' (electronic sequence {read.ElectronicSequence ?? "none"}) of {read.AccountIban} "
            + $"was imported before, as {url}; nothing was written."));
        problem.Extensions["statementId"] = id;
        problem.Extensions["firstImport"] = url;
        http.Response.Headers.Location = url;
        return Results.Problem(problem);
    }
}
