using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Api.Contributions;

/// <summary>A donor's pledge: announced, not binding. Starts the contribution's stream.</summary>
public sealed record PledgeContribution([property: Required] Guid? DonorId, [property: Required] FundingSource? Source,
    [property: Required] MoneyInput? Amount, [property: Required] DateOnly? PledgedOn, EarmarkInput? Earmark);

public static class PledgeContributionEndpoint
{
    public static ProblemDetails Validate(PledgeContribution? command)
    {
        if (command is null) return Problems.MissingBody("{ donorId, source, amount, pledgedOn, earmark? }");
        var inputs = new Inputs();
        inputs.Required(command.DonorId, "donorId", "the donor's id");
        inputs.Required(command.Source, "source", string.Join(", ", Enum.GetNames<FundingSource>()));
        inputs.Money(command.Amount, "amount");
        inputs.Required(command.PledgedOn, "pledgedOn", "yyyy-MM-dd");
        if (command.Earmark is { Category: null }) inputs.Fail("earmark.category",
            $"'earmark.category' is one of {string.Join(", ", Enum.GetNames<EarmarkCategory>())}.");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/contributions", OperationId = "PledgeContribution")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Contributions")]
    public static async Task<Created> Post(PledgeContribution command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var amount = new Inputs().Money(command.Amount, "amount")!;
        var batch = session.CreateBatchQuery();
        var closed = batch.ClosedYearsAsync();
        var donor = batch.Load<Donor>(command.DonorId!.Value);
        var rates = batch.Load<MonthlyExchangeRates>(StreamIds.ExchangeRates(YearMonth.Of(command.PledgedOn!.Value)));
        await batch.Execute();
        var pledged = ContributionDecisions.Pledge(
                Guid.CreateVersion7(), await donor, command.Source!.Value, amount, command.PledgedOn!.Value,
                command.Earmark?.ToEarmark() ?? Earmark.Pooled, await rates, await closed, user.Actor(clock))
            .OrRefuse()[0];
        session.Events.StartStream<Contribution>(pledged.ContributionId, pledged);
        return new Created(pledged.ContributionId, $"/api/contributions/{pledged.ContributionId}");
    }
}
