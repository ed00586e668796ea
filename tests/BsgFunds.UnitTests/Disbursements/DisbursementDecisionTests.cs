using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;

using static BsgFunds.UnitTests.Allocations.AllocationHistory;

namespace BsgFunds.UnitTests.Disbursements;

public class DisbursementDecisionTests
{
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
}
