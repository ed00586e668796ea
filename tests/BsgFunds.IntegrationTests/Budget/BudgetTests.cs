using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Budget;

public class BudgetTests(AppFixture app) : ApiTest(app)
{
    private sealed record Line(int Programme, string Use, decimal AmountChf);

    private sealed record BudgetAnswer(int Year, List<Line>? Original, List<Line>? Revised, decimal OriginalTotalChf, decimal? RevisedTotalChf);

    [Fact]
    public async Task the_original_and_revised_plans_are_kept_side_by_side()
    {
        var fo = await TokenFor("FinanceOfficer");
        var original = new { version = "Original", lines = new[] { new { programme = 3, use = "Fellowship", amountChf = 400_000m },
            new { programme = 1, use = "Training", amountChf = 150_000m } } };
        (await ProblemOf(await Send("PUT", "/api/budget/2026", fo, new { version = "Revised", original.lines },
            409))).Code.Should().Be("original-budget-missing");
        await Send("PUT", "/api/budget/2026", fo, original);
        var revised = await ReadAs<BudgetAnswer>(await Send("PUT", "/api/budget/2026", fo,
            new { version = "Revised", lines = new[] { new { programme = 3, use = "Fellowship", amountChf = 450_000.50m } } }));

        revised.OriginalTotalChf.Should().Be(550_000m);
        revised.RevisedTotalChf.Should().Be(450_000.50m);
        var read = await ReadAs<BudgetAnswer>(await Send("GET", "/api/budget/2026", await TokenFor("Auditor")));
        read.Original.Should().BeEquivalentTo(new[] { new Line(1, "Training", 150_000m), new Line(3, "Fellowship", 400_000m) });
        read.Revised.Should().ContainSingle().Which.AmountChf.Should().Be(450_000.50m);
        await Send("GET", "/api/budget/2031", fo, expectedStatus: 404);
    }

    [Theory]
    [InlineData("{\"version\":\"Draft\",\"lines\":[]}", "version")]
    [InlineData("{\"version\":\"Original\",\"lines\":[{\"programme\":1,\"use\":\"Catering\",\"amountChf\":1}]}", "lines[0].use")]
    [InlineData("{\"version\":\"Original\",\"lines\":[{\"programme\":1,\"use\":\"Training\"}]}", "lines[0].amountChf")]
    [InlineData("{\"version\":\"Original\",\"lines\":[{\"programme\":5,\"use\":\"Training\",\"amountChf\":1}]}", "lines")]
    public async Task a_bad_budget_is_a_400_naming_the_field(string body, string field)
    {
        var problem = await ProblemOf(await Send("PUT", "/api/budget/2026", await TokenFor("FinanceOfficer"), rawBody: body, expectedStatus: 400));
        problem.Errors.Should().ContainKey(field);
        (await AllEvents()).Should().BeEmpty();
    }

    [Fact]
    public async Task anything_not_among_the_nine_uses_of_funds_is_refused()
    {
        var problem = await ProblemOf(await Send("POST", "/api/allocations", await TokenFor("ProgrammeOfficer"),
            rawBody: "{\"year\":2026,\"programme\":1,\"use\":\"Catering\",\"title\":\"Lunch\",\"amountChf\":100}", expectedStatus: 400));
        problem.Errors.Should().ContainKey("use");
        (await AllEvents()).Should().BeEmpty();
    }
}
