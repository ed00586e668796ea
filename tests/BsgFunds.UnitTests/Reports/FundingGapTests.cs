using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Reports;
using BsgFunds.Domain.Spending;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.Reports;

/// <summary>The funding gap's computation, figures worked by hand (docs/reports.md has the same example).</summary>
public class FundingGapTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Allocation = Guid.NewGuid();

    private static Earmark Softly(int programme) => Earmark.Pooled with { Category = EarmarkCategory.SoftlyEarmarked, Programme = programme };

    private static Earmark Earmarked(int programme, UseOfFunds use) =>
        Earmark.Pooled with { Category = EarmarkCategory.Earmarked, Programme = programme, Use = use };

    private static FundingGapSource Source(Earmark earmark, decimal available, decimal toCome = 0m, decimal pledged = 0m) =>
        new(Guid.NewGuid(), earmark, available, toCome, pledged);

    private static FundingGapReport Compute(IReadOnlyList<FundingGapNeed> needs, params FundingGapSource[] sources) =>
        FundingGapReport.Compute(2026, "Revised", AsOf, 42, needs, sources,
            id => id == Allocation ? (1, UseOfFunds.Training) : null);

    [Fact]
    public void each_franc_counts_once_at_the_narrowest_level_its_earmark_fits()
    {
        var report = Compute(
            [
                new FundingGapNeed(1, UseOfFunds.Training, 100_000m, 30_000m),
                new FundingGapNeed(1, UseOfFunds.Translation, 20_000m, 0m),
                new FundingGapNeed(3, UseOfFunds.Fellowship, 50_000m, 10_000m),
            ],
            Source(Earmarked(3, UseOfFunds.Fellowship), available: 15_000m, toCome: 9_300m),
            Source(Earmark.Pooled with { Category = EarmarkCategory.TightlyEarmarked, AllocationId = Allocation }, available: 5_000m),
            Source(Softly(1), available: 12_000m, pledged: 4_000m),
            Source(Earmark.Pooled, available: 40_000m, toCome: 18_600m, pledged: 8_900m),
            Source(Earmarked(2, UseOfFunds.Training), available: 0m, pledged: 7_000m));

        report.Lines.Should().Equal(
            // 100 000 - 30 000 = 70 000 uncommitted; the tightly earmarked 5 000 is on its allocation's line: 65 000 left.
            new FundingGapLine(1, UseOfFunds.Training, 100_000m, 30_000m, 70_000m, 5_000m, 0m, 65_000m, 0m),
            new FundingGapLine(1, UseOfFunds.Translation, 20_000m, 0m, 20_000m, 0m, 0m, 20_000m, 0m),
            // A line with money and no budget is shown, with nothing to cover.
            new FundingGapLine(2, UseOfFunds.Training, 0m, 0m, 0m, 0m, 0m, 0m, 7_000m),
            // 50 000 - 10 000 - 15 000 - 9 300 = 15 700.
            new FundingGapLine(3, UseOfFunds.Fellowship, 50_000m, 10_000m, 40_000m, 15_000m, 9_300m, 15_700m, 0m));
        report.Programmes.Should().Equal(
            // 65 000 + 20 000 = 85 000, less 12 000 softly earmarked to programme 1: 73 000.
            new FundingGapProgramme(1, 85_000m, 12_000m, 0m, 73_000m, 4_000m),
            new FundingGapProgramme(2, 0m, 0m, 0m, 0m, 0m),
            new FundingGapProgramme(3, 15_700m, 0m, 0m, 15_700m, 0m));
        // 73 000 + 15 700 = 88 700, less pooled 40 000 and 18 600 to come: 30 100 that no money yet covers.
        report.Totals.Should().Be(new FundingGapTotals(170_000m, 40_000m, 130_000m, 20_000m, 9_300m, 12_000m, 0m, 88_700m, 40_000m, 18_600m,
            30_100m, 8_900m, 19_900m));
    }

    [Fact]
    public void money_beyond_a_level_does_not_flow_to_another_line_or_programme()
    {
        var report = Compute(
            [new FundingGapNeed(1, UseOfFunds.Training, 10_000m, 0m), new FundingGapNeed(2, UseOfFunds.Training, 10_000m, 0m)],
            Source(Earmarked(1, UseOfFunds.Training), available: 25_000m),
            Source(Softly(1), available: 30_000m));
        report.Lines.Select(l => l.GapBeforeSharedChf).Should().Equal(0m, 10_000m);
        report.Programmes.Select(p => p.GapBeforePooledChf).Should().Equal(0m, 10_000m);
        report.Totals.GapChf.Should().Be(10_000m);
    }

    [Fact]
    public void a_line_committed_beyond_its_budget_needs_nothing_and_money_of_another_years_allocation_counts_nowhere()
    {
        var report = Compute(
            [new FundingGapNeed(1, UseOfFunds.Training, 10_000m, 12_000m)],
            Source(Earmark.Pooled with { Category = EarmarkCategory.TightlyEarmarked, AllocationId = Guid.NewGuid() }, available: 3_000m));
        report.Lines.Should().Equal(new FundingGapLine(1, UseOfFunds.Training, 10_000m, 12_000m, 0m, 0m, 0m, 0m, 0m));
        report.Totals.EarmarkedAvailableChf.Should().Be(0m);
        report.Totals.GapChf.Should().Be(0m);
    }

    [Fact]
    public void an_empty_year_still_has_its_totals_row()
    {
        var report = Compute([]);
        report.Lines.Should().BeEmpty();
        report.Rows().Should().ContainSingle().Which.Should().BeEquivalentTo(new { Level = "Total", GapChf = 0m, NeedChf = 0m });
    }

    [Fact]
    public void the_line_rule_is_the_allocation_rule_without_places()
    {
        var allocation = new AllocationRequested(Guid.NewGuid(), 2026, 3, UseOfFunds.Fellowship, "t", 1m, [], [], [], "po", AsOf);
        foreach (var earmark in new[]
                 {
                     Earmark.Pooled, Softly(3), Softly(2), Earmarked(3, UseOfFunds.Fellowship), Earmarked(3, UseOfFunds.Training),
                     Earmark.Pooled with { Category = EarmarkCategory.TightlyEarmarked, AllocationId = allocation.AllocationId },
                     Earmark.Pooled with { Category = EarmarkCategory.TightlyEarmarked, AllocationId = Guid.NewGuid() },
                 })
        {
            Funding.FitsLine(earmark, 3, UseOfFunds.Fellowship, id => id == allocation.AllocationId)
                .Should().Be(Funding.Fits(earmark, allocation), "earmark {0} fits the line as it fits an allocation on it", earmark);
        }
    }
}
