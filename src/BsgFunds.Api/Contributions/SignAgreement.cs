using BsgFunds.Api.Setup;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// The signed contribution agreement. Without pscRatePercent the configured default (7 %) applies. complianceObligations
/// (IPSAS 47, agreements signed from 2026): whether the agreement binds the fund to use the money for its purpose and return
/// what is unspent; without it, earmarked or conditional agreements do and pooled unconditional ones do not.
/// </summary>
public sealed record SignAgreement(
    [property: Required] DateOnly? SignedOn, [property: Required] string? Reference, [property: Required] MoneyInput? Amount, decimal? PscRatePercent,
    [property: Required] IReadOnlyList<InstalmentInput>? Instalments, EarmarkInput? Earmark, IReadOnlyList<ConditionInput>? Conditions,
    bool? ComplianceObligations = null);

public static class SignAgreementEndpoint
{
    public static ProblemDetails Validate(SignAgreement? command)
    {
        if (command is null) return Problems.MissingBody("{ signedOn, reference, amount, pscRatePercent?, instalments, earmark?, conditions }");
        var inputs = Check(command, out _, out _);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions/{id}/agreement", OperationId = "SignAgreement")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<ContributionChanged> Post(
        Guid id, SignAgreement command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, IOptions<ContributionOptions> options,
            HttpContext http)
    {
        Check(command, out var amount, out var instalments);
        var loaded = await ContributionStreams.FetchAsync(session, id, http);
        var rates = await session.LoadAsync<MonthlyExchangeRates>(StreamIds.ExchangeRates(YearMonth.Of(command.SignedOn!.Value)));
        var decision = ContributionDecisions.SignAgreement(
            loaded.State, command.Reference!.Trim(), command.SignedOn!.Value, amount!,
                command.PscRatePercent ?? options.Value.DefaultPscRatePercent,
            instalments, command.Earmark?.ToEarmark(), (command.Conditions ?? []).Select(c => c.Description!.Trim()).ToList(), rates,
                loaded.Closed, user.Actor(clock), options.Value.RevenuePolicy, command.ComplianceObligations);
        return await ContributionStreams.CommitAsync(session, loaded, decision, http);
    }

    private static Inputs Check(SignAgreement command, out Money? amount, out List<Instalment> instalments)
    {
        var inputs = new Inputs();
        inputs.Required(command.SignedOn, "signedOn", "yyyy-MM-dd");
        inputs.Text(command.Reference, "reference", 100);
        amount = inputs.Money(command.Amount, "amount");
        instalments = inputs.Instalments(command.Instalments, amount?.Currency);

        for (var i = 0; i < (command.Conditions?.Count ?? 0); i++) inputs.Text(command.Conditions![i]?.Description, $"conditions[{i}].description",
            1000);
        if (command.Earmark is { Category: null }) inputs.Fail("earmark.category",
            $"'earmark.category' is one of {string.Join(", ", Enum.GetNames<EarmarkCategory>())}.");
        return inputs;
    }
}
