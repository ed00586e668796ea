using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;

using static BsgFunds.UnitTests.Allocations.AllocationHistory;

namespace BsgFunds.UnitTests.Allocations;

public class AllocationDecisionTests
{
    private static Earmark Earmark(EarmarkCategory category, int? programme = null, UseOfFunds? use = null, ItuRegion[]? regions = null,
        string[]? countries = null, Guid? allocation = null) =>
        new(category, programme, use, regions ?? [], countries ?? [], allocation);

    [Theory]
    [InlineData(UseOfFunds.Training, 10, true)]
    [InlineData(UseOfFunds.Fellowship, 10, true)]
    [InlineData(UseOfFunds.WorkshopsAndEvents, 10, true)]
    [InlineData(UseOfFunds.Translation, 49_999.99, false)]
    [InlineData(UseOfFunds.Translation, 50_000, true)]
    [InlineData(UseOfFunds.TestLaboratories, 1_000_000, true)]
    public void bdt_signs_off_capacity_building_and_allocations_at_or_above_the_threshold(UseOfFunds use, double amount, bool needed) =>
        Rules.NeedsBdtSignOff(State(Requested(use, (decimal)amount)).Request).Should().Be(needed);

    [Theory]
    // programme, amount, countries, expected refusal code
    [InlineData(0, 100, "", "programme-invalid")]
    [InlineData(4, 100, "", "programme-invalid")]
    [InlineData(1, 0, "", "amount-not-positive")]
    [InlineData(1, 0.001, "", "amount-too-precise")]
    [InlineData(1, 100, "ZZ", "country-unknown")]
    [InlineData(1, 100, "SN", null)]
    [InlineData(1, 100, null, "country-unknown")]
    public void an_allocation_request_is_checked(int programme, double amount, string? country, string? code)
    {
        var request = Deciders.Allocation.Given().When(_ => AllocationDecisions.Request(Guid.NewGuid(), 2026, programme, UseOfFunds.Training, "t",
            (decimal)amount, [], country?.Length == 0 ? [] : [country!], [], ClosedYears.None, Requester));
        if (code is null) request.Then(events => events.Should().ContainSingle());
        else request.ThenRefused(code);
    }

    public static TheoryData<Earmark, bool> EarmarkFits
    {
        get
        {
            var allocation = Guid.Parse("99999999-9999-9999-9999-999999999999");
            return new()
            {
                { Domain.Contributions.Earmark.Pooled, true },
                { Earmark(EarmarkCategory.SoftlyEarmarked, 3), true },
                { Earmark(EarmarkCategory.SoftlyEarmarked, 1), false },
                { Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship), true },
                { Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Training), false },
                { Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [ItuRegion.Africa]), true },
                { Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [ItuRegion.Americas]), false },
                { Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, countries: ["SN", "ML"]), true },
                { Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, countries: ["ML"]), false },
                { Earmark(EarmarkCategory.TightlyEarmarked, 3, UseOfFunds.Fellowship, allocation: allocation), true },
                { Earmark(EarmarkCategory.TightlyEarmarked, 3, UseOfFunds.Fellowship, allocation: Guid.NewGuid()), false },
            };
        }
    }

    [Theory]
    [MemberData(nameof(EarmarkFits))]
    public void earmarked_money_is_spent_only_on_what_it_is_earmarked_for(Earmark earmark, bool fits)
    {
        var request = AllocationDecisions.Request(Guid.Parse("99999999-9999-9999-9999-999999999999"), 2026, 3, UseOfFunds.Fellowship, "t", 100m,
            [ItuRegion.Africa], ["SN"], [], ClosedYears.None, Requester).Events.Single();
        Funding.Fits(earmark, request).Should().Be(fits);
    }

    [Fact]
    public void region_earmarked_money_does_not_go_to_an_allocation_that_names_no_place()
    {
        var request = State(Requested(UseOfFunds.Fellowship, 100m, 3)).Request;
        Funding.Fits(Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [ItuRegion.Africa]), request).Should().BeFalse();
    }

    [Fact]
    public void funding_takes_tight_then_earmarked_then_soft_then_pooled_and_the_oldest_receipt_first()
    {
        var allocation = State(Requested(UseOfFunds.Fellowship, 1_000m, 3));
        FundingCandidate C(string id, Earmark e, decimal available, int day) =>
            new(Guid.Parse($"00000000-0000-0000-0000-0000000000{id}"), Guid.Empty, e, available, new DateOnly(2026, 1, day));
        var candidates = new[]
        {
            C("01", Domain.Contributions.Earmark.Pooled, 500m, 1),
            C("02", Earmark(EarmarkCategory.SoftlyEarmarked, 3), 200m, 1),
            C("03", Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship), 100m, 20),
            C("04", Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship), 100m, 10),
            C("05", Earmark(EarmarkCategory.TightlyEarmarked, 3, UseOfFunds.Fellowship, allocation: allocation.Id), 150m, 30),
            C("06", Earmark(EarmarkCategory.Earmarked, 1, UseOfFunds.Training), 10_000m, 1),
        };

        var (lines, refusal) = Funding.Select(allocation.Request, candidates);
        refusal.Should().BeNull();
        lines.Select(l => (l.ContributionId.ToString()[^2..], l.AmountChf)).Should().Equal(("05", 150m), ("04", 100m), ("03", 100m), ("02", 200m),
            ("01", 450m));
    }

    [Fact]
    public void funding_refuses_when_fitting_cash_is_short()
    {
        var allocation = State(Requested(UseOfFunds.Fellowship, 1_000m, 3));
        var (_, refusal) = Funding.Select(allocation.Request, [new FundingCandidate(Guid.NewGuid(), Guid.Empty, Domain.Contributions.Earmark.Pooled,
            999.99m, null)]);
        refusal!.Code.Should().Be("allocation-exceeds-available-funds");
    }

    [Fact]
    public void the_allocation_is_final_only_when_every_needed_sign_off_is_in()
    {
        var training = Deciders.Allocation.Given(Requested(UseOfFunds.Training));
        training.When(a => AllocationDecisions.ApproveAsTsb(a, Director, Rules, Pool(1_000m), ClosedYears.None, Tsb))
            .Then(events => events.Should().ContainSingle().Which.Should().BeOfType<AllocationApprovedByTsb>())
            .ThenState(a => AllocationDecisions.IsFullySignedOff(a, Rules).Should().BeFalse());
        var afterTsb = training.And(a => AllocationDecisions.ApproveAsTsb(a, Director, Rules, Pool(1_000m), ClosedYears.None, Tsb));
        afterTsb.When(a => AllocationDecisions.SignOffAsBdt(a, Rules, Pool(1_000m), ClosedYears.None, Bdt))
            .Then(events => events.Select(e => e.GetType()).Should()
                .Equal(typeof(AllocationSignedOffByBdt), typeof(AllocationApproved), typeof(FundsCommitted)))
            .ThenState(a =>
            {
                AllocationDecisions.IsFullySignedOff(a, Rules).Should().BeTrue();
                a.Status.Should().Be(AllocationStatus.Approved);
            });
        var signOff = afterTsb.And(a => AllocationDecisions.SignOffAsBdt(a, Rules, Pool(1_000m), ClosedYears.None, Bdt)).Events
            .OfType<AllocationSignedOffByBdt>().Single();

        afterTsb.When(a => AllocationDecisions.ApproveAsTsb(a, Director, Rules, Pool(1_000m), ClosedYears.None, Tsb)).ThenRefused("already-approved");
        Deciders.Allocation.Given([.. afterTsb.Events, signOff])
            .When(a => AllocationDecisions.SignOffAsBdt(a, Rules, Pool(1_000m), ClosedYears.None, Bdt))
            .ThenRefused("already-signed-off");
        Deciders.Allocation.Given(Requested())
            .When(a => AllocationDecisions.SignOffAsBdt(a, Rules, Pool(1_000m), ClosedYears.None, Bdt))
            .ThenRefused("bdt-signoff-not-required");
        training.When(a => AllocationDecisions.ApproveAsTsb(a, new Approver("po", true, null), Rules, Pool(1_000m), ClosedYears.None, Requester))
            .ThenRefused("approver-must-not-be-requester");
    }

    [Fact]
    public void a_final_approval_in_a_closed_year_is_refused_and_commits_nothing()
    {
        var allocation = Deciders.Allocation.Given(Requested(UseOfFunds.Translation));
        var closed = new ClosedYears(new HashSet<int> { allocation.State!.Request.Year });
        allocation.When(a => AllocationDecisions.ApproveAsTsb(a, Director, Rules, Pool(1_000m), closed, Tsb)).ThenRefused("period-closed");
    }
}
