using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Spending;
using FluentAssertions;
using Marten.Events;
using Xunit;

namespace BsgFunds.IntegrationTests.Reports;

public sealed record GapLineAnswer(
    int Programme, string Use, decimal BudgetChf, decimal CommittedChf, decimal UncommittedBudgetChf, decimal EarmarkedAvailableChf,
    decimal EarmarkedInstalmentsToComeChf, decimal GapBeforeSharedChf, decimal EarmarkedPledgesOutstandingChf);

public sealed record GapProgrammeAnswer(
    int Programme, decimal LinesGapChf, decimal SoftlyEarmarkedAvailableChf, decimal SoftlyEarmarkedInstalmentsToComeChf, decimal GapBeforePooledChf,
    decimal SoftlyEarmarkedPledgesOutstandingChf);

public sealed record GapTotalsAnswer(
    decimal BudgetChf, decimal CommittedChf, decimal UncommittedBudgetChf, decimal EarmarkedAvailableChf, decimal EarmarkedInstalmentsToComeChf,
    decimal SoftlyEarmarkedAvailableChf, decimal SoftlyEarmarkedInstalmentsToComeChf, decimal GapBeforePooledChf, decimal PooledAvailableChf,
    decimal PooledInstalmentsToComeChf, decimal GapChf, decimal PooledPledgesOutstandingChf, decimal PledgesOutstandingChf);

public sealed record GapAnswer(
    int Year, string? BudgetVersion, DateTimeOffset AsOf, long LastSequence, List<GapLineAnswer> Lines, List<GapProgrammeAnswer> Programmes,
    GapTotalsAnswer Totals);

/// <summary>The funding gap through HTTP, every figure worked by hand (the worked example of docs/reports.md).</summary>
public class FundingGapTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task the_gap_counts_each_franc_once_and_an_earlier_instant_does_not_change_when_later_events_arrive()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        var spending = new SpendingOffice(Host);
        await fo.Send("PUT", "/api/budget/2026", new { version = "Original", lines = new[]
        {
            new { programme = 1, use = "AssistanceAndConsultation", amountChf = 40_000m },
            new { programme = 1, use = "Translation", amountChf = 20_000m },
            new { programme = 3, use = "Fellowship", amountChf = 60_000m },
        } }, 200);
        await fo.Send("PUT", "/api/budget/2026", new { version = "Revised", lines = new[]
        {
            new { programme = 1, use = "AssistanceAndConsultation", amountChf = 40_000m },
            new { programme = 1, use = "Translation", amountChf = 25_000m },
            new { programme = 3, use = "Fellowship", amountChf = 70_000m },
        } }, 200);
        var foundation = await fo.Donor("Fondation Babel", "Foundation", null);
        var fund = await fo.Donor("Fonds commun", "Foundation", null);

        // Earmarked to programme 1 translation only: 10 000 received, 700 PSC, 9 300 available on that line alone.
        var earmarked = await fo.Pledge(foundation, "OtherVoluntary", 10_000m, "CHF",
            new { category = "Earmarked", programme = 1, use = "Translation" });
        await fo.Sign(earmarked, 10_000m, "CHF");
        await fo.Receive(earmarked, 10_000m, "CHF", "2026-02-10", "FB-1");

        // Pooled, 50 000 in two instalments: 30 000 received (27 900 after PSC), 20 000 still to come (18 600 after PSC).
        var pooled = await fo.Pledge(fund, "OtherVoluntary", 50_000m, "CHF");
        await fo.Send("POST", $"/api/contributions/{pooled}/agreement", new
        {
            signedOn = "2026-01-20", reference = "FC-2026", amount = new { amount = 50_000m, currency = "CHF" }, instalments = new[]
            {
                new { dueOn = "2026-03-31", amount = new { amount = 30_000m, currency = "CHF" } },
                new { dueOn = "2026-12-31", amount = new { amount = 20_000m, currency = "CHF" } },
            },
            conditions = Array.Empty<object>(),
        }, 200);
        await fo.Receive(pooled, 30_000m, "CHF", "2026-03-25", "FC-1");

        // Softly earmarked to programme 3, pledged only: beside the gap, never inside.
        var softly = await fo.Pledge(foundation, "OtherVoluntary", 8_000m, "CHF", new { category = "SoftlyEarmarked", programme = 3 });

        // 15 000 committed to programme 1 consultation: only pooled money fits it, 27 900 - 15 000 = 12 900 left.
        var consultation = await spending.RequestAllocation(await TokenFor("ProgrammeOfficer", "po-1"), 1, "AssistanceAndConsultation", 15_000m);
        await spending.Approve(await TokenFor("TsbDirector", "tsb-1"), consultation);

        var auditor = await TokenFor("Auditor", "gap-reader");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var then = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var before = await ReadAs<GapAnswer>(await Send("GET", "/api/reports/funding-gap?year=2026", auditor));

        before.BudgetVersion.Should().Be("Revised");
        before.Lines.Should().Equal(
            new GapLineAnswer(1, "AssistanceAndConsultation", 40_000m, 15_000m, 25_000m, 0m, 0m, 25_000m, 0m),
            // 25 000 - 0 - 9 300 = 15 700
            new GapLineAnswer(1, "Translation", 25_000m, 0m, 25_000m, 9_300m, 0m, 15_700m, 0m),
            new GapLineAnswer(3, "Fellowship", 70_000m, 0m, 70_000m, 0m, 0m, 70_000m, 0m));
        before.Programmes.Should().Equal(
            new GapProgrammeAnswer(1, 40_700m, 0m, 0m, 40_700m, 0m),
            new GapProgrammeAnswer(3, 70_000m, 0m, 0m, 70_000m, 8_000m));
        // 40 700 + 70 000 = 110 700; less pooled 12 900 available and 18 600 to come: 79 200 that no money covers yet.
        before.Totals.Should().Be(new GapTotalsAnswer(135_000m, 15_000m, 120_000m, 9_300m, 0m, 0m, 0m, 110_700m, 12_900m, 18_600m, 79_200m, 0m,
            8_000m));

        // Later: the pooled instalment arrives (the gap keeps its figure: what was to come is now cash) and the softly
        // earmarked pledge is signed and paid (7 440 after PSC closes part of programme 3's gap).
        await fo.Receive(pooled, 20_000m, "CHF", "2026-11-30", "FC-2");
        await fo.Sign(softly, 8_000m, "CHF", "2026-04-01");
        await fo.Receive(softly, 8_000m, "CHF", "2026-04-15", "FB-3");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var now = await ReadAs<GapAnswer>(await Send("GET", "/api/reports/funding-gap?year=2026", auditor));
        now.Programmes[1].Should().Be(new GapProgrammeAnswer(3, 70_000m, 7_440m, 0m, 62_560m, 0m));
        now.Totals.Should().BeEquivalentTo(new { PooledAvailableChf = 31_500m, PooledInstalmentsToComeChf = 0m, GapChf = 71_760m,
            PledgesOutstandingChf = 0m });
        now.LastSequence.Should().BeGreaterThan(before.LastSequence);

        var asOf = await ReadAs<GapAnswer>(await Send("GET",
            $"/api/reports/funding-gap?year=2026&asOf={Uri.EscapeDataString(then.ToString("O"))}", auditor));
        asOf.Should().BeEquivalentTo(before, o => o.Excluding(r => r.AsOf));
        asOf.AsOf.Should().Be(then);
    }

    [Fact]
    public async Task the_gap_answers_csv_with_its_header_even_when_empty_and_only_to_staff_and_auditors()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/reports/funding-gap?year=2030");
            s.WithRequestHeader("Authorization", $"Bearer {TokenFor("ProgrammeOfficer").GetAwaiter().GetResult()}");
            s.WithRequestHeader("Accept", "text/csv");
        });
        var lines = (await result.ReadAsTextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("asOf,lastSequence,year,level,programme,use,budgetChf,committedChf,needChf,availableChf,instalmentsToComeChf,gapChf,"
            + "pledgesOutstandingChf");
        lines.Should().HaveCount(2);
        lines[1].Should().EndWith(",2030,Total,,,0,0,0,0,0,0,0");

        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Japan", "MemberState", "JP");
        await Send("GET", "/api/reports/funding-gap?year=2026", await TokenFor("Donor", "jp", donor), expectedStatus: 403);
        (await ProblemOf(await Send("GET", "/api/reports/funding-gap", await TokenFor("Auditor"), expectedStatus: 400))).Code
            .Should().Be("year-invalid");
    }
}
