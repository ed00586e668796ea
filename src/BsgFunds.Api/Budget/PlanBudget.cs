using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Budget;

/// <summary>The year's plan for the BSG line item, by programme and use of funds, in its Original or Revised version.</summary>
public sealed record PlanBudget([property: Required] BudgetVersion? Version, [property: Required] IReadOnlyList<BudgetLineInput>? Lines);

public static class PlanBudgetEndpoint
{
    public static ProblemDetails Validate(PlanBudget? command)
    {
        if (command is null) return Problems.MissingBody("{ version, lines: [{ programme, use, amountChf }] }");
        var inputs = new Inputs();
        inputs.Required(command.Version, "version", "Original or Revised");
        if (command.Lines is null) inputs.Fail("lines", "'lines' ([{ programme, use, amountChf }]) is required.");
        for (var i = 0; i < (command.Lines?.Count ?? 0); i++)
        {
            var line = command.Lines![i];
            inputs.Required(line?.Programme, $"lines[{i}].programme", "1, 2 or 3");
            inputs.Required(line?.Use, $"lines[{i}].use", string.Join(", ", Enum.GetNames<UseOfFunds>()));
            inputs.Required(line?.AmountChf, $"lines[{i}].amountChf", "CHF");
        }

        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePut("/api/budget/{year}", OperationId = "PlanBudget")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Budget")]
    public static async Task<BudgetView> Put(int year, PlanBudget command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        HttpContext http)
    {
        var batch = session.CreateBatchQuery();
        var closed = batch.ClosedYearsAsync();
        var fetched = batch.Events.FetchForWriting<LineItemBudget>(StreamIds.Budget(year));
        await batch.Execute();
        var stream = await fetched;
        if (stream.Aggregate is not null) Preconditions.Check(http, stream.CurrentVersion ?? 0);
        var lines = command.Lines!.Select(l => new BudgetLine(l.Programme!.Value, l.Use!.Value, l.AmountChf!.Value)).ToList();
        var planned = BudgetDecision.Plan(stream.Aggregate, year, command.Version!.Value, lines, await closed, user.Actor(clock)).OrRefuse()[0];
        Preconditions.SetETag(http, (stream.CurrentVersion ?? 0) + 1);
        stream.AppendOne(planned);
        return BudgetView.Of(stream.Aggregate?.Apply(planned) ?? LineItemBudget.Create(planned));
    }
}
