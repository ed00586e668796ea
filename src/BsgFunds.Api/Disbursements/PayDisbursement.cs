using BsgFunds.Api.Funding;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public sealed record PayDisbursement([property: Required] DateOnly? PaidOn, [property: Required] string? PaymentReference);

public static class PayDisbursementEndpoint
{
    public static ProblemDetails Validate(PayDisbursement? command)
    {
        if (command is null) return Problems.MissingBody("{ paidOn, paymentReference }");
        var inputs = new Inputs();
        inputs.Required(command.PaidOn, "paidOn", "yyyy-MM-dd");
        inputs.Text(command.PaymentReference, "paymentReference", 100);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>The finance officer records the payment: commitment becomes expense, and cash goes out.</summary>
    [WolverinePost("/api/disbursements/{id}/pay", OperationId = "PayDisbursement")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, PayDisbursement command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await DisbursementStreams.FetchAsync(session, gate.Reads, id, http);
        var paid = DisbursementDecisions.Pay(loaded.State, id, command.PaidOn!.Value, command.PaymentReference!.Trim(), loaded.Closed,
            user.Actor(clock)).OrRefuse().Cast<object>().ToList();
        return DisbursementStreams.Answer(loaded, id, paid, await gate.CommitAsync(loaded.Stream, paid, http));
    }
}
