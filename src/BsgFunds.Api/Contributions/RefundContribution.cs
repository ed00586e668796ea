using BsgFunds.Api.Funding;
using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>Returns unspent cash to the donor, in CHF, with the donor's recorded consent.</summary>
public sealed record RefundContribution([property: Required] decimal? AmountChf, [property: Required] string? Reason,
    [property: Required] string? DonorConsentReference);

public static class RefundContributionEndpoint
{
    public static ProblemDetails Validate(RefundContribution? command)
    {
        if (command is null) return Problems.MissingBody("{ amountChf, reason, donorConsentReference }");
        var inputs = new Inputs();
        inputs.Required(command.AmountChf, "amountChf", "CHF to refund");
        inputs.Text(command.Reason, "reason", 1000);
        inputs.Text(command.DonorConsentReference, "donorConsentReference", 200);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions/{id}/refunds", OperationId = "RefundContribution")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<MoneyEventRecorded> Post(Guid id, RefundContribution command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await ContributionStreams.FetchAsync(gate.Reads, id, http);
        var refunded = ContributionDecisions.Refund(loaded.State, command.AmountChf!.Value, command.Reason!.Trim(),
            command.DonorConsentReference!.Trim(), loaded.Closed, user.Actor(clock)).OrRefuse().Cast<object>().ToList();
        var written = await gate.CommitAsync(loaded.Stream, refunded, http);
        return ContributionStreams.Recorded(ContributionStreams.Answer(loaded, refunded, written));
    }
}
