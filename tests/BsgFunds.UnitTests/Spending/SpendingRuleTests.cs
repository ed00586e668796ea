using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;
using BsgFunds.UnitTests.Specification;
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

    private static readonly Approver Director = new("tsb", true, null);

    private static object[] Requested(UseOfFunds use = UseOfFunds.Translation, decimal amount = 1_000m, int programme = 1) =>
        Deciders.Allocation.Given()
            .And(_ => AllocationDecisions.Request(Guid.NewGuid(), 2026, programme, use, "t", amount, [], [], [], ClosedYears.None, Requester)).Events;

    private static Allocation State(object[] history) => Deciders.Allocation.Given(history).State!;

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

    /// <summary>One pooled contribution with this much available: all an allocation needs to be funded.</summary>
    private static IReadOnlyList<FundingCandidate> Pool(decimal availableChf) =>
        [new FundingCandidate(Guid.NewGuid(), Guid.Empty, Domain.Contributions.Earmark.Pooled, availableChf, null)];

    /// <summary>Requested and finally approved by the TSB director, committing one pooled contribution holding exactly the amount.</summary>
    private static DeciderGiven<Allocation> Approved(decimal amount = 1_000m) =>
        Deciders.Allocation.Given(Requested(UseOfFunds.Translation, amount))
            .And(a => AllocationDecisions.ApproveAsTsb(a, Director, Rules, Pool(amount), ClosedYears.None, Tsb));

    private static readonly Country Senegal = CountryCatalogue.TryFind("SN", out var c) ? c : null!;

    private static Decision<DisbursementRequested> Disburse(Allocation a, decimal amount) =>
        DisbursementDecisions.Request(a, Guid.NewGuid(), amount, DisbursementKind.Vendor, new Payee("v", null, "SN", null), "p", null, null,
            Senegal, [], ClosedYears.None, Requester);

    [Fact]
    public void disbursements_stay_within_what_remains_and_release_on_cancel()
    {
        var allocation = Approved(1_000m);
        Deciders.Allocation.Given(Requested()).When(a => Disburse(a, 10m)).ThenRefused("allocation-not-approved");
        allocation.When(a => Disburse(a, 1_000.01m)).ThenRefused("disbursement-exceeds-remaining");
        allocation.When(a => Disburse(a, 600m))
            .Then(events => events.Should().ContainSingle())
            .ThenState(a => a.RemainingChf.Should().Be(400m));

        var requested = allocation.And(a => Disburse(a, 600m));
        var id = requested.Events.OfType<DisbursementRequested>().Single().DisbursementId;
        requested.When(a => Disburse(a, 400.01m)).ThenRefused("disbursement-exceeds-remaining");
        requested.When(a => DisbursementDecisions.Cancel(a, id, "r", Requester))
            .Then(events => events.Should().ContainSingle())
            .ThenState(a => a.RemainingChf.Should().Be(1_000m));
    }

    [Fact]
    public void a_disbursement_goes_requested_certified_approved_paid_with_segregation_of_duties()
    {
        var requested = Approved().And(a => Disburse(a, 100m));
        var id = requested.Events.OfType<DisbursementRequested>().Single().DisbursementId;
        var certifier = new Actor("po2", Now);

        requested.When(a => DisbursementDecisions.Approve(a, id, Director, Tsb)).ThenRefused("disbursement-not-certified");
        requested.When(a => DisbursementDecisions.Pay(a, id, new DateOnly(2026, 6, 2), "P", ClosedYears.None, Tsb))
            .ThenRefused("disbursement-not-approved");
        var certified = requested.And(a => DisbursementDecisions.Certify(a, id, certifier));
        certified.When(a => DisbursementDecisions.Certify(a, id, certifier)).ThenRefused("disbursement-not-requested");
        certified.When(a => DisbursementDecisions.Approve(a, id, new Approver("po2", true, null), certifier))
            .ThenRefused("approver-must-not-be-certifier");
        certified.When(a => DisbursementDecisions.Approve(a, id, new Approver("po", true, null), Requester))
            .ThenRefused("approver-must-not-be-requester");

        var approved = certified.And(a => DisbursementDecisions.Approve(a, id, Director, Tsb));
        approved.When(a => DisbursementDecisions.Pay(a, id, new DateOnly(2026, 6, 2), "P", ClosedYears.None, new Actor("fo", Now)))
            .Then(events => events.Should().ContainSingle().Which.Funding.Sum(f => f.AmountChf).Should().Be(100m));
        var paid = approved.And(a => DisbursementDecisions.Pay(a, id, new DateOnly(2026, 6, 2), "P", ClosedYears.None, new Actor("fo", Now)));
        paid.When(a => DisbursementDecisions.Cancel(a, id, "r", Requester)).ThenRefused("disbursement-not-cancellable");
        paid.State!.DisbursedChf.Should().Be(100m);

        paid.When(a => AllocationDecisions.Close(a, ClosedYears.None, Tsb))
            .Then(events => events.OfType<CommitmentReleased>().Single().AmountChf.Should().Be(900m));
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
        BudgetLine[] lines = [new BudgetLine(1, UseOfFunds.Training, 10m)];
        var given = hasOriginal
            ? Deciders.Budget.Given().And(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original, lines, Tsb))
            : Deciders.Budget.Given();
        var plan = given.When(b => BudgetDecision.Plan(b, 2026, version, lines, Tsb));
        if (code is null) plan.Then(events => events.Should().ContainSingle());
        else plan.ThenRefused(code);
    }

    [Fact]
    public void a_budget_line_appears_once_and_is_exact_to_the_centime()
    {
        var none = Deciders.Budget.Given();
        none.When(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original,
                [new BudgetLine(1, UseOfFunds.Training, 10m), new BudgetLine(1, UseOfFunds.Training, 5m)], Tsb))
            .ThenRefused("budget-line-repeated");
        none.When(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(4, UseOfFunds.Training, 10m)], Tsb))
            .ThenRefused("programme-invalid");
        none.When(_ => BudgetDecision.Plan(null, 2026, BudgetVersion.Original, [new BudgetLine(1, UseOfFunds.Training, 0.001m)], Tsb))
            .ThenRefused("amount-too-precise");
    }
}
