using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;

using static BsgFunds.UnitTests.Allocations.AllocationHistory;

namespace BsgFunds.UnitTests.Budget;

public class BudgetDecisionTests
{
    [Theory]
    [InlineData(BudgetVersion.Revised, false, "original-budget-missing")]
    [InlineData(BudgetVersion.Original, false, null)]
    [InlineData(BudgetVersion.Revised, true, null)]
    public void a_budget_is_revised_only_after_its_original(BudgetVersion version, bool hasOriginal, string? code)
    {
        BudgetLine[] lines = [new BudgetLine(1, UseOfFunds.Training, 10m)];
        var given = hasOriginal
            ? Deciders.Budget.Given().And(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original, lines, ClosedYears.None, Tsb))
            : Deciders.Budget.Given();
        var plan = given.When(b => BudgetDecision.Plan(b, 2026, version, lines, ClosedYears.None, Tsb));
        if (code is null) plan.Then(events => events.Should().ContainSingle());
        else plan.ThenRefused(code);
    }

    [Fact]
    public void a_budget_line_appears_once_and_is_exact_to_the_centime()
    {
        var none = Deciders.Budget.Given();
        none.When(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original,
                [new BudgetLine(1, UseOfFunds.Training, 10m), new BudgetLine(1, UseOfFunds.Training, 5m)], ClosedYears.None, Tsb))
            .ThenRefused("budget-line-repeated");
        none.When(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(4, UseOfFunds.Training, 10m)], ClosedYears.None, Tsb))
            .ThenRefused("programme-invalid");
        none.When(_ => BudgetDecision.Plan(
                null, 2026, BudgetVersion.Original, [new BudgetLine(1, UseOfFunds.Training, 0.001m)], ClosedYears.None, Tsb))
            .ThenRefused("amount-too-precise");
    }
}
