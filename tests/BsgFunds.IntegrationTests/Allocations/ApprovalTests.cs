using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Spending;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Allocations;

public class ApprovalTests(AppFixture app) : ApiTest(app)
{
    private SpendingOffice Spending => new(Host);

    /// <summary>A pooled CHF contribution with this much available (no PSC), so that approvals can commit.</summary>
    private async Task Pool(decimal amountChf)
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Pool", "Foundation", null);
        var c = await fo.Pledge(donor, "OtherVoluntary", amountChf, "CHF");
        await fo.Sign(c, amountChf, "CHF", pscRatePercent: 0m);
        await fo.Receive(c, amountChf, "CHF", "2026-01-10", "R");
    }

    [Fact]
    public async Task an_allocation_that_needs_only_the_tsb_director_is_approved_by_the_director_alone()
    {
        await Pool(100_000m);
        var po = await TokenFor("ProgrammeOfficer", "po");
        var id = await Spending.RequestAllocation(po, 1, "AssistanceAndConsultation", 49_999.99m);
        var approved = await Spending.Approve(await TokenFor("TsbDirector", "tsb"), id);
        approved.Should().Match<AllocationAnswer>(a => a.Status == "Approved" && !a.NeedsBdtSignOff && a.CommittedChf == 49_999.99m);
        approved.SignOffs.Should().ContainSingle().Which.Should().Be(new SignOffAnswer("TsbDirector", "tsb", null));
        (await ProblemOf(await Spending.Send(await TokenFor("BdtDirector", "bdt"), "POST", $"/api/allocations/{id}/bdt-signoff", null,
            409))).Code.Should().Be("allocation-not-pending");

        var other = await Spending.RequestAllocation(po, 1, "AssistanceAndConsultation", 100m);
        (await ProblemOf(await Spending.Send(await TokenFor("BdtDirector", "bdt"), "POST", $"/api/allocations/{other}/bdt-signoff", null,
            409))).Code.Should().Be("bdt-signoff-not-required");
    }

    [Theory]
    [InlineData("Training", 1_000, true)]
    [InlineData("Training", 1_000, false)]
    [InlineData("AssistanceAndConsultation", 50_000, true)]
    [InlineData("WorkshopsAndEvents", 10, false)]
    public async Task capacity_building_and_large_allocations_need_both_directors_in_either_order(string use, double amount, bool tsbFirst)
    {
        await Pool(100_000m);
        var id = await Spending.RequestAllocation(await TokenFor("ProgrammeOfficer", "po"), 3, use, (decimal)amount);
        var tsb = await TokenFor("TsbDirector", "tsb");
        var bdt = await TokenFor("BdtDirector", "bdt");

        var first = tsbFirst ? await Spending.Approve(tsb, id) : await Spending.SignOff(bdt, id);
        first.Should().Match<AllocationAnswer>(a => a.Status == "Requested" && a.NeedsBdtSignOff && a.CommittedChf == 0m);
        var last = tsbFirst ? await Spending.SignOff(bdt, id) : await Spending.Approve(tsb, id);
        last.Should().Match<AllocationAnswer>(a => a.Status == "Approved" && a.CommittedChf == (decimal)amount);
        last.SignOffs.Select(s => s.Role).Should().BeEquivalentTo("TsbDirector", "BdtDirector");
    }

    [Fact]
    public async Task nobody_approves_or_signs_off_what_they_requested()
    {
        await Pool(10_000m);
        // One person holding both roles requests and then tries to approve.
        var both = await TokenFor("ProgrammeOfficer", "dual");
        var id = await Spending.RequestAllocation(both, 3, "Training", 100m);
        var asTsb = await TokenFor("TsbDirector", "dual");
        var asBdt = await TokenFor("BdtDirector", "dual");
        (await ProblemOf(await Spending.Send(asTsb, "POST", $"/api/allocations/{id}/approve", null,
            422))).Code.Should().Be("approver-must-not-be-requester");
        (await ProblemOf(await Spending.Send(asBdt, "POST", $"/api/allocations/{id}/bdt-signoff", null,
            422))).Code.Should().Be("approver-must-not-be-requester");
        (await AllEvents()).Should().NotContain(e => e.Data is Domain.Spending.AllocationApprovedByTsb);
    }

    [Fact]
    public async Task a_delegate_approves_within_the_delegation_and_not_beyond_it_nor_after_it_ends()
    {
        await Pool(100_000m);
        var po = await TokenFor("ProgrammeOfficer", "po");
        var tsb = await TokenFor("TsbDirector", "tsb");
        var deputy = await TokenFor("FinanceOfficer", "deputy");
        var small = await Spending.RequestAllocation(po, 1, "Translation", 20_000m);
        var large = await Spending.RequestAllocation(po, 1, "Translation", 20_000.01m);

        (await ProblemOf(await Spending.Send(deputy, "POST", $"/api/allocations/{small}/approve", null,
            403))).Code.Should().Be("approver-not-authorised");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var delegation = await FinanceOffice.Read<IdAnswer>(await Spending.Send(tsb, "POST", "/api/delegations",
            new { delegateSub = "deputy", limitChf = 20_000m, until = today.AddDays(1).ToString("yyyy-MM-dd",
                System.Globalization.CultureInfo.InvariantCulture) }, 201));

        var approved = await Spending.Approve(deputy, small);
        approved.Status.Should().Be("Approved");
        approved.SignOffs.Should().ContainSingle().Which.Should().Be(new SignOffAnswer("TsbDelegate", "deputy", delegation.Id));
        (await ProblemOf(await Spending.Send(deputy, "POST", $"/api/allocations/{large}/approve", null,
            422))).Code.Should().Be("delegation-limit-exceeded");

        var later = await Spending.RequestAllocation(po, 1, "Translation", 10m);
        var before = Clock.Offset;
        Clock.Offset = before + TimeSpan.FromDays(3);
        try
        {
            (await ProblemOf(await Spending.Send(deputy, "POST", $"/api/allocations/{later}/approve", null,
                422))).Code.Should().Be("delegation-expired");
        }
        finally
        {
            Clock.Offset = before;
        }

        await Spending.Approve(tsb, large);
    }

    [Fact]
    public async Task a_rejection_needs_a_reason_and_ends_the_request()
    {
        await Pool(1_000m);
        var id = await Spending.RequestAllocation(await TokenFor("ProgrammeOfficer", "po"), 1, "Interpretation", 100m);
        var bdt = await TokenFor("BdtDirector", "bdt");
        (await ProblemOf(await Spending.Send(bdt, "POST", $"/api/allocations/{id}/reject", new { reason = "" },
            400))).Errors.Should().ContainKey("reason");
        var rejected = await FinanceOffice.Read<AllocationChange>(await Spending.Send(bdt, "POST", $"/api/allocations/{id}/reject",
            new { reason = "Duplicate of another request" }, 200));
        rejected.Allocation.Status.Should().Be("Rejected");
        (await ProblemOf(await Spending.Send(await TokenFor("TsbDirector", "tsb"), "POST", $"/api/allocations/{id}/approve", null,
            409))).Code.Should().Be("allocation-not-pending");
    }

    [Fact]
    public async Task approval_commits_only_received_cash_never_pledges_or_receivables()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Pool", "Foundation", null);
        var c = await fo.Pledge(donor, "OtherVoluntary", 10_000m, "CHF");
        await fo.Sign(c, 10_000m, "CHF", pscRatePercent: 7m);
        await fo.Receive(c, 1_000m, "CHF", "2026-01-10", "R");            // 930 available after PSC; 9 000 still receivable

        var id = await Spending.RequestAllocation(await TokenFor("ProgrammeOfficer", "po"), 1, "Translation", 930.01m);
        var problem = await ProblemOf(await Spending.Send(await TokenFor("TsbDirector", "tsb"), "POST", $"/api/allocations/{id}/approve", null, 422));
        problem.Code.Should().Be("allocation-exceeds-available-funds");
        problem.Detail.Should().Contain("930");
        (await AllEvents()).Should().NotContain(e => e.Data is Domain.Spending.AllocationApprovedByTsb,
            "a refused approval writes nothing, not even the sign-off");
    }

    [Fact]
    public async Task named_contributions_are_used_as_given_or_refused()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Pool", "Foundation", null);
        var pooled = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Sign(pooled, 1_000m, "CHF", pscRatePercent: 0m);
        await fo.Receive(pooled, 1_000m, "CHF", "2026-01-10", "R");
        var earmarked = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF", new { category = "SoftlyEarmarked", programme = 2 });
        await fo.Sign(earmarked, 1_000m, "CHF", pscRatePercent: 0m);
        await fo.Receive(earmarked, 1_000m, "CHF", "2026-01-05", "R");
        var po = await TokenFor("ProgrammeOfficer", "po");
        var tsb = await TokenFor("TsbDirector", "tsb");

        var misfit = await Spending.RequestAllocation(po, 1, "Translation", 100m, new { contributionIds = new[] { earmarked } });
        (await ProblemOf(await Spending.Send(tsb, "POST", $"/api/allocations/{misfit}/approve", null,
            422))).Code.Should().Be("contribution-does-not-fit");

        var named = await Spending.RequestAllocation(po, 2, "Translation", 100m, new { contributionIds = new[] { pooled } });
        (await Spending.Approve(tsb, named)).Funding.Should().ContainSingle().Which.ContributionId.Should().Be(pooled,
            "the softly earmarked one would come first, but the request named the pool");
    }
}
