using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// An amendment signed with the donor: a top-up, a reduction, a new schedule or a later end. It restates the agreed total and
/// the whole instalment schedule in the agreement's currency.
/// </summary>
public sealed record AmendAgreement(
    [property: Required] DateOnly? SignedOn, [property: Required] string? Reference, [property: Required] string? Reason,
    [property: Required] MoneyInput? Amount, [property: Required] IReadOnlyList<InstalmentInput>? Instalments);

public static class AmendAgreementEndpoint
{
    public static ProblemDetails Validate(AmendAgreement? command)
    {
        if (command is null) return Problems.MissingBody("{ signedOn, reference, reason, amount, instalments }");
        var inputs = Check(command, out _, out _);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>Amends the signed agreement: receivables, revenue and reports follow the new figures from the amendment's date.</summary>
    [WolverinePost("/api/contributions/{id}/amendments", OperationId = "AmendAgreement")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<ContributionChanged> Post(
        Guid id, AmendAgreement command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        Check(command, out var amount, out var instalments);
        var loaded = await ContributionStreams.FetchAsync(session, id, http);
        var decision = ContributionDecisions.Amend(
            loaded.State, command.Reference!.Trim(), command.SignedOn!.Value, command.Reason!.Trim(), amount!, instalments, loaded.Closed,
            user.Actor(clock));
        return await ContributionStreams.CommitAsync(session, loaded, decision, http);
    }

    private static Inputs Check(AmendAgreement command, out Money? amount, out List<Instalment> instalments)
    {
        var inputs = new Inputs();
        inputs.Required(command.SignedOn, "signedOn", "yyyy-MM-dd");
        inputs.Text(command.Reference, "reference", 100);
        inputs.Text(command.Reason, "reason", 1000);
        amount = inputs.Money(command.Amount, "amount");
        instalments = inputs.Instalments(command.Instalments, amount?.Currency);
        return inputs;
    }
}
