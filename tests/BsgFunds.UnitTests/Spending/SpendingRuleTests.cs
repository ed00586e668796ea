using BsgFunds.Domain.Audit;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.Spending;

public class SpendingRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Requester = new("po", Now);
    private static readonly Actor Tsb = new("tsb", Now);
    private static readonly Actor Bdt = new("bdt", Now);
    private static readonly ApprovalRules Rules = new(50_000m);

    private static Allocation Requested(UseOfFunds use = UseOfFunds.Translation, decimal amount = 1_000m, int programme = 1,
        IReadOnlyList<ItuRegion>? regions = null, IReadOnlyList<string>? countries = null, IReadOnlyList<Guid>? contributions = null) =>
        Allocation.Create(AllocationDecisions.Request(Guid.NewGuid(), 2026, programme, use, "t", amount, regions ?? [], countries ?? [],
            contributions ?? [], ClosedYears.None, Requester).Events.Single());

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
        Rules.NeedsBdtSignOff(Requested(use, (decimal)amount).Request).Should().Be(needed);

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
        var decision = AllocationDecisions.Request(Guid.NewGuid(), 2026, programme, UseOfFunds.Training, "t", (decimal)amount, [],
            country?.Length == 0 ? [] : [country!], [], ClosedYears.None, Requester);
        decision.Refusal?.Code.Should().Be(code);
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
        var request = Requested(UseOfFunds.Fellowship, 100m, 3).Request;
        Funding.Fits(Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [ItuRegion.Africa]), request).Should().BeFalse();
    }

    [Fact]
    public void funding_takes_tight_then_earmarked_then_soft_then_pooled_and_the_oldest_receipt_first()
    {
        var allocation = Requested(UseOfFunds.Fellowship, 1_000m, 3);
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
        var allocation = Requested(UseOfFunds.Fellowship, 1_000m, 3);
        var (_, refusal) = Funding.Select(allocation.Request, [new FundingCandidate(Guid.NewGuid(), Guid.Empty, Domain.Contributions.Earmark.Pooled,
            999.99m, null)]);
        refusal!.Code.Should().Be("allocation-exceeds-available-funds");
    }

    [Theory]
    // is director, delegation limit, delegation ends (days from today), amount, expected role or refusal code
    [InlineData(true, null, null, 1_000_000, "TsbDirector")]
    [InlineData(false, null, null, 10, "approver-not-authorised")]
    [InlineData(false, 20_000.0, 0, 20_000, "TsbDelegate")]
    [InlineData(false, 20_000.0, 10, 20_000.01, "delegation-limit-exceeded")]
    [InlineData(false, 20_000.0, -1, 10, "delegation-expired")]
    public void approval_in_the_directors_name_follows_the_delegation(bool director, double? limit, int? endsInDays, double amount, string expected)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var delegation = limit is null ? null : new DelegationGranted(Guid.NewGuid(), "deputy", (decimal)limit, today.AddDays(endsInDays!.Value),
            "tsb", Now);
        var (role, _, refusal) = new Approver("deputy", director, delegation).Authorise((decimal)amount, today);
        (refusal?.Code ?? role).Should().Be(expected);
    }

    [Fact]
    public void the_allocation_is_final_only_when_every_needed_sign_off_is_in()
    {
        var training = Requested(UseOfFunds.Training);
        var director = new Approver("tsb", true, null);
        var afterTsb = AllocationDecisions.ApproveAsTsb(training, director, Rules, Pool(1_000m), ClosedYears.None, Tsb).Events
            .Should().ContainSingle().Subject.Should().BeOfType<AllocationApprovedByTsb>().Subject;
        var signed = training.Apply(afterTsb);
        AllocationDecisions.IsFullySignedOff(signed, Rules).Should().BeFalse();
        var final = AllocationDecisions.SignOffAsBdt(signed, Rules, Pool(1_000m), ClosedYears.None, Bdt).Events;
        final.Select(e => e.GetType()).Should().Equal(typeof(AllocationSignedOffByBdt), typeof(AllocationApproved), typeof(FundsCommitted));
        var afterBdt = final.Aggregate(signed, AllocationFold.Apply);
        AllocationDecisions.IsFullySignedOff(afterBdt, Rules).Should().BeTrue();
        afterBdt.Status.Should().Be(AllocationStatus.Approved);

        AllocationDecisions.ApproveAsTsb(signed, director, Rules, Pool(1_000m), ClosedYears.None, Tsb).Refusal!.Code.Should().Be("already-approved");
        AllocationDecisions.SignOffAsBdt(signed.Apply((AllocationSignedOffByBdt)final[0]), Rules, Pool(1_000m), ClosedYears.None, Bdt)
            .Refusal!.Code.Should().Be("already-signed-off");
        AllocationDecisions.SignOffAsBdt(Requested(), Rules, Pool(1_000m), ClosedYears.None, Bdt).Refusal!.Code
            .Should().Be("bdt-signoff-not-required");
        AllocationDecisions.ApproveAsTsb(training, new Approver("po", true, null), Rules, Pool(1_000m), ClosedYears.None, Requester)
            .Refusal!.Code.Should().Be("approver-must-not-be-requester");
    }

    [Fact]
    public void a_final_approval_in_a_closed_year_is_refused_and_commits_nothing()
    {
        var allocation = Requested(UseOfFunds.Translation);
        var closed = new ClosedYears(new HashSet<int> { allocation.Request.Year });
        var decision = AllocationDecisions.ApproveAsTsb(allocation, new Approver("tsb", true, null), Rules, Pool(1_000m), closed, Tsb);
        decision.Refusal!.Code.Should().Be("period-closed");
        decision.Events.Should().BeEmpty();
    }

    private static IReadOnlyList<FundingCandidate> Pool(decimal availableChf) =>
        [new FundingCandidate(Guid.NewGuid(), Guid.Empty, Domain.Contributions.Earmark.Pooled, availableChf, null)];

    private static Allocation Approved(decimal amount = 1_000m)
    {
        var allocation = Requested(UseOfFunds.Translation, amount);
        return AllocationDecisions.ApproveAsTsb(allocation, new Approver("tsb", true, null), Rules, Pool(amount), ClosedYears.None, Tsb).Events
            .Aggregate(allocation, AllocationFold.Apply);
    }

    private static readonly Country Senegal = CountryCatalogue.TryFind("SN", out var c) ? c : null!;

    private static Decision<DisbursementRequested> Disburse(Allocation a, decimal amount) =>
        DisbursementDecisions.Request(a, Guid.NewGuid(), amount, DisbursementKind.Vendor, new Payee("v", null, "SN", null), "p", null, null,
            Senegal, [], ClosedYears.None, Requester);

    [Fact]
    public void disbursements_stay_within_what_remains_and_release_on_cancel()
    {
        var allocation = Approved(1_000m);
        Disburse(Requested(), 10m).Refusal!.Code.Should().Be("allocation-not-approved");
        Disburse(allocation, 1_000.01m).Refusal!.Code.Should().Be("disbursement-exceeds-remaining");
        var requested = Disburse(allocation, 600m).Events.Single();
        allocation = allocation.Apply(requested);
        allocation.RemainingChf.Should().Be(400m);
        Disburse(allocation, 400.01m).Refusal!.Code.Should().Be("disbursement-exceeds-remaining");
        allocation = allocation.Apply(DisbursementDecisions.Cancel(allocation, requested.DisbursementId, "r", Requester).Events.Single());
        allocation.RemainingChf.Should().Be(1_000m);
    }

    [Fact]
    public void a_disbursement_goes_requested_certified_approved_paid_with_segregation_of_duties()
    {
        var allocation = Approved();
        var requested = Disburse(allocation, 100m).Events.Single();
        allocation = allocation.Apply(requested);
        var id = requested.DisbursementId;
        var director = new Approver("tsb", true, null);

        DisbursementDecisions.Approve(allocation, id, director, Tsb).Refusal!.Code.Should().Be("disbursement-not-certified");
        DisbursementDecisions.Pay(allocation, id, new DateOnly(2026, 6, 2), "P", ClosedYears.None, Tsb).Refusal!.Code.Should().Be("disbursement-not-approved");
        allocation = allocation.Apply(DisbursementDecisions.Certify(allocation, id, new Actor("po2", Now)).Events.Single());
        DisbursementDecisions.Certify(allocation, id, new Actor("po2", Now)).Refusal!.Code.Should().Be("disbursement-not-requested");
        DisbursementDecisions.Approve(allocation, id, new Approver("po2", true, null), new Actor("po2",
            Now)).Refusal!.Code.Should().Be("approver-must-not-be-certifier");
        DisbursementDecisions.Approve(allocation, id, new Approver("po", true, null),
            Requester).Refusal!.Code.Should().Be("approver-must-not-be-requester");
        allocation = allocation.Apply(DisbursementDecisions.Approve(allocation, id, director, Tsb).Events.Single());
        var paid = DisbursementDecisions.Pay(allocation, id, new DateOnly(2026, 6, 2), "P", ClosedYears.None, new Actor("fo", Now)).Events.Single();
        paid.Funding.Sum(f => f.AmountChf).Should().Be(100m);
        allocation = allocation.Apply(paid);
        DisbursementDecisions.Cancel(allocation, id, "r", Requester).Refusal!.Code.Should().Be("disbursement-not-cancellable");
        allocation.DisbursedChf.Should().Be(100m);

        var closing = AllocationDecisions.Close(allocation, ClosedYears.None, Tsb);
        closing.Events.OfType<CommitmentReleased>().Single().AmountChf.Should().Be(900m);
    }

    [Theory]
    // already granted at this meeting for this country, new type, allowed
    [InlineData("", "Full", true)]
    [InlineData("Full", "Ticket", false)]
    [InlineData("Ticket", "Full", false)]
    [InlineData("Ticket", "Allowance", true)]
    [InlineData("Allowance", "Ticket", true)]
    [InlineData("Allowance", "Allowance", false)]
    [InlineData("Ticket", "Ticket", true)]
    [InlineData("Ticket,Allowance", "Ticket", false)]
    public void per_meeting_and_country_one_full_or_two_partials_of_which_one_is_the_ticket(string granted, string type, bool allowed)
    {
        var meeting = new Meeting("SG17", new DateOnly(2026, 9, 1));
        var existing = granted.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select((t, i) => new GrantedFellowship(Guid.NewGuid(), "SG17", "SN", $"other-{i}", 2026, Enum.Parse<FellowshipType>(t))).ToList();
        var problem = DisbursementDecisions.FellowshipProblem(new Payee("n", "new", "SN", Gender.Female), meeting, Enum.Parse<FellowshipType>(type),
            Senegal, existing);
        (problem is null).Should().Be(allowed, problem?.Detail);
        if (!allowed) problem!.Code.Should().Be("meeting-country-fellowship-limit");
    }

    [Theory]
    [InlineData("", "Full", true)]
    [InlineData("Full", "Allowance", false)]
    [InlineData("Allowance", "Allowance", true)]
    [InlineData("Allowance,Ticket", "Ticket", false)]
    public void per_person_and_year_one_full_or_two_partials(string granted, string type, bool allowed)
    {
        var existing = granted.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select((t, i) => new GrantedFellowship(Guid.NewGuid(), $"M{i}", "SN", "person", 2026, Enum.Parse<FellowshipType>(t))).ToList();
        var problem = DisbursementDecisions.FellowshipProblem(new Payee("n", "person", "SN", Gender.Male), new Meeting("NEW", new DateOnly(2026, 11,
            1)),
            Enum.Parse<FellowshipType>(type), Senegal, existing);
        (problem is null).Should().Be(allowed);
        if (!allowed) problem!.Code.Should().Be("person-fellowship-limit");
    }

    [Fact]
    public void fellowships_need_an_eligible_nationality_on_the_meeting_date()
    {
        CountryCatalogue.TryFind("CH", out var switzerland);
        DisbursementDecisions.FellowshipProblem(new Payee("n", "p", "CH", Gender.Female), new Meeting("M", new DateOnly(2026, 9, 1)),
            FellowshipType.Full, switzerland, [])!
            .Code.Should().Be("payee-not-eligible-for-fellowship");
    }

    [Theory]
    [InlineData(BudgetVersion.Revised, false, "original-budget-missing")]
    [InlineData(BudgetVersion.Original, false, null)]
    [InlineData(BudgetVersion.Revised, true, null)]
    public void a_budget_is_revised_only_after_its_original(BudgetVersion version, bool hasOriginal, string? code)
    {
        var current = hasOriginal ? LineItemBudget.Create(BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(1,
            UseOfFunds.Training, 10m)], Tsb).Events.Single()) : null;
        BudgetDecision.Plan(current, 2026, version, [new BudgetLine(1, UseOfFunds.Training, 10m)], Tsb).Refusal?.Code.Should().Be(code);
    }

    [Fact]
    public void a_budget_line_appears_once_and_is_exact_to_the_centime()
    {
        BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(1, UseOfFunds.Training, 10m), new BudgetLine(1, UseOfFunds.Training,
            5m)], Tsb)
            .Refusal!.Code.Should().Be("budget-line-repeated");
        BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(4, UseOfFunds.Training, 10m)],
            Tsb).Refusal!.Code.Should().Be("programme-invalid");
        BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(1, UseOfFunds.Training, 0.001m)],
            Tsb).Refusal!.Code.Should().Be("amount-too-precise");
    }
}
