using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Spending;
using FluentAssertions;
using Marten.Events;
using Xunit;

namespace BsgFunds.IntegrationTests.Disbursements;

public class SpendingChainTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task two_donors_fund_two_allocations_by_earmark_and_the_ledger_shows_which_paid_for_what()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        var po = await TokenFor("ProgrammeOfficer", "po-1");
        var po2 = await TokenFor("ProgrammeOfficer", "po-2");
        var tsb = await TokenFor("TsbDirector", "tsb");
        var bdt = await TokenFor("BdtDirector", "bdt");
        var spending = new SpendingOffice(Host);

        // Donor A: CHF 100 000 earmarked to Programme 3 fellowships; 7 % PSC leaves 93 000. Donor B: CHF 50 000 pooled; 46 500 available.
        var foundation = await fo.Donor("Fondation A", "Foundation", "FR");
        var earmarked = await fo.Pledge(foundation, "OtherVoluntary", 100_000m, "CHF", new { category = "Earmarked", programme = 3,
            use = "Fellowship" });
        await fo.Sign(earmarked, 100_000m, "CHF");
        await fo.Receive(earmarked, 100_000m, "CHF", "2026-02-01", "A-1");
        var germany = await fo.Donor("Germany", "MemberState", "DE");
        var pooled = await fo.Pledge(germany, "DevelopedCountryVoluntary", 50_000m, "CHF");
        await fo.Sign(pooled, 50_000m, "CHF");
        await fo.Receive(pooled, 50_000m, "CHF", "2026-01-10", "B-1");

        // Fellowships for CHF 120 000: TSB and BDT both sign; earmarked money first, the pooled fund for the rest.
        var fellowships = await spending.RequestAllocation(po, 3, "Fellowship", 120_000m);
        var afterTsb = await spending.Approve(tsb, fellowships);
        afterTsb.Status.Should().Be("Requested", "BDT has not signed off capacity building yet");
        afterTsb.CommittedChf.Should().Be(0m);
        var approved = await spending.SignOff(bdt, fellowships);
        approved.Status.Should().Be("Approved");
        approved.Funding.Select(f => (f.ContributionId, f.CommittedChf)).Should().Equal((earmarked, 93_000m), (pooled, 27_000m));

        // Consultation for CHF 10 000, TSB only: the fellowship money does not fit, so it all comes from the pool.
        var consultation = await spending.RequestAllocation(po, 1, "AssistanceAndConsultation", 10_000m);
        var consultationApproved = await spending.Approve(tsb, consultation);
        consultationApproved.Funding.Should().ContainSingle()
            .Which.Should().Match<FundingAnswer>(f => f.ContributionId == pooled && f.CommittedChf == 10_000m);
        (await fo.Contribution(earmarked)).AvailableChf.Should().Be(0m);
        (await fo.Contribution(pooled)).AvailableChf.Should().Be(9_500m);

        // A full fellowship of CHF 5 000 to a Senegalese participant: requested, certified by another officer, approved, paid.
        var created = await FinanceOffice.Read<IdAnswer>(await spending.Send(po, "POST", $"/api/allocations/{fellowships}/disbursements", new
        {
            amountChf = 5_000m, kind = "Fellowship", purpose = "SG17 meeting",
            payee = new { name = "A. Diop", personId = "P-SN-1", countryCode = "SN", gender = "Female" },
            meeting = new { code = "SG17-2026-09", startsOn = "2026-09-01" }, fellowship = "Full",
        }, 201));
        await spending.Send(po2, "POST", $"/api/disbursements/{created.Id}/certify", null, 200);
        await spending.Send(tsb, "POST", $"/api/disbursements/{created.Id}/approve", null, 200);
        var paid = await FinanceOffice.Read<DisbursementChange>(await spending.Send(await TokenFor("FinanceOfficer", "fo-1"), "POST",
            $"/api/disbursements/{created.Id}/pay", new { paidOn = "2026-08-20", paymentReference = "PAY-1" }, 200));
        paid.Disbursement.Status.Should().Be("Paid");

        var fellowshipView = await spending.Allocation(tsb, fellowships);
        fellowshipView.DisbursedChf.Should().Be(5_000m);
        fellowshipView.RemainingChf.Should().Be(115_000m);
        fellowshipView.Funding.Single(f => f.ContributionId == earmarked).DisbursedChf.Should().Be(5_000m,
            "the earmarked donor's money paid the fellowship");

        // A consultancy paid CHF 4 000, then the allocation closes and 6 000 goes back to the pooled contribution.
        var consultancy = await FinanceOffice.Read<IdAnswer>(await spending.Send(po, "POST", $"/api/allocations/{consultation}/disbursements", new
        {
            amountChf = 4_000m, kind = "Expert", purpose = "Gap assessment", payee = new { name = "Expert X", countryCode = "KE" },
        }, 201));
        await spending.Send(po2, "POST", $"/api/disbursements/{consultancy.Id}/certify", null, 200);
        await spending.Send(tsb, "POST", $"/api/disbursements/{consultancy.Id}/approve", null, 200);
        await spending.Send(await TokenFor("FinanceOfficer"), "POST", $"/api/disbursements/{consultancy.Id}/pay", new { paidOn = "2026-08-21",
            paymentReference = "PAY-2" }, 200);
        var closed = await FinanceOffice.Read<AllocationChange>(await spending.Send(tsb, "POST", $"/api/allocations/{consultation}/close", null,
            200));
        closed.Allocation.Should().Match<AllocationAnswer>(a => a.Status == "Closed" && a.ReleasedChf == 6_000m && a.RemainingChf == 0m);
        (await fo.Contribution(pooled)).AvailableChf.Should().Be(15_500m);

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var tb = await fo.TrialBalance();
        tb.ShouldBalance();
        tb.Balance("Assets:Cash").Should().Be(150_000m - 5_000m - 4_000m);
        // The earmarked agreement (2026, IPSAS 47) is held under compliance obligations: its commitment of 93 000 is disclosed, not
        // posted, and the fellowship it paid turned 5 000 of the liability into revenue; the pooled 27 000 is committed in net assets.
        tb.Balance($"NetAssets:Commitments:{fellowships}").Should().Be(-27_000m);
        tb.Balance($"NetAssets:Commitments:{consultation}").Should().Be(0m);
        tb.Balance($"Liabilities:ComplianceObligations:{earmarked}").Should().Be(-(100_000m - 7_000m - 5_000m));
        tb.Balance("Revenue:Contributions:OtherVoluntary").Should().Be(-5_000m);
        tb.Balance("Expenses:Disbursements:Fellowship").Should().Be(5_000m);
        tb.Balance("Expenses:Disbursements:AssistanceAndConsultation").Should().Be(4_000m);
    }

    [Fact]
    public async Task a_disbursement_may_not_exceed_what_remains_and_a_cancelled_one_frees_its_amount()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var po = await TokenFor("ProgrammeOfficer", "po-1");
        var tsb = await TokenFor("TsbDirector", "tsb");
        var spending = new SpendingOffice(Host);
        var donor = await fo.Donor("Pool", "Foundation", null);
        var c = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Sign(c, 1_000m, "CHF", pscRatePercent: 0m);
        await fo.Receive(c, 1_000m, "CHF", "2026-01-10", "R");
        var allocation = await spending.RequestAllocation(po, 2, "Translation", 1_000m);

        var early = new { amountChf = 600m, kind = "Vendor", purpose = "Translation", payee = new { name = "Lingua", countryCode = "CH" } };
        (await ProblemOf(await spending.Send(po, "POST", $"/api/allocations/{allocation}/disbursements", early,
            409))).Code.Should().Be("allocation-not-approved");
        await spending.Approve(tsb, allocation);

        var first = await FinanceOffice.Read<IdAnswer>(await spending.Send(po, "POST", $"/api/allocations/{allocation}/disbursements", early, 201));
        (await ProblemOf(await spending.Send(po, "POST", $"/api/allocations/{allocation}/disbursements", early,
            422))).Code.Should().Be("disbursement-exceeds-remaining");
        (await ProblemOf(await spending.Send(tsb, "POST", $"/api/disbursements/{first.Id}/approve", null,
            409))).Code.Should().Be("disbursement-not-certified");
        await spending.Send(tsb, "POST", $"/api/disbursements/{first.Id}/cancel", new { reason = "Supplier withdrew" }, 200);
        await spending.Send(po, "POST", $"/api/allocations/{allocation}/disbursements", early, 201);
        (await ProblemOf(await spending.Send(po, "POST", $"/api/allocations/{allocation}/close", null,
            409))).Code.Should().Be("allocation-has-pending-disbursements");
    }

    [Fact]
    public async Task the_certifier_and_the_requester_do_not_approve_a_disbursement()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var po = await TokenFor("ProgrammeOfficer", "po-1");
        var tsb = await TokenFor("TsbDirector", "tsb");
        var spending = new SpendingOffice(Host);
        var donor = await fo.Donor("Pool", "Foundation", null);
        var c = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Sign(c, 1_000m, "CHF", pscRatePercent: 0m);
        await fo.Receive(c, 1_000m, "CHF", "2026-01-10", "R");
        var allocation = await spending.RequestAllocation(po, 2, "Translation", 1_000m);
        await spending.Approve(tsb, allocation);

        // The TSB Director's deputy requests as a programme officer and then tries to approve under a delegation.
        await spending.Send(tsb, "POST", "/api/delegations", new { delegateSub = "deputy", limitChf = 10_000m, until = "2030-12-31" }, 201);
        var deputyAsOfficer = await TokenFor("ProgrammeOfficer", "deputy");
        var d = await FinanceOffice.Read<IdAnswer>(await spending.Send(deputyAsOfficer, "POST", $"/api/allocations/{allocation}/disbursements",
            new { amountChf = 100m, kind = "Vendor", purpose = "x", payee = new { name = "Lingua", countryCode = "CH" } }, 201));
        await spending.Send(po, "POST", $"/api/disbursements/{d.Id}/certify", null, 200);
        (await ProblemOf(await spending.Send(deputyAsOfficer, "POST", $"/api/disbursements/{d.Id}/approve", null,
            422))).Code.Should().Be("approver-must-not-be-requester");

        var e = await FinanceOffice.Read<IdAnswer>(await spending.Send(po, "POST", $"/api/allocations/{allocation}/disbursements",
            new { amountChf = 100m, kind = "Vendor", purpose = "y", payee = new { name = "Lingua", countryCode = "CH" } }, 201));
        await spending.Send(deputyAsOfficer, "POST", $"/api/disbursements/{e.Id}/certify", null, 200);
        (await ProblemOf(await spending.Send(deputyAsOfficer, "POST", $"/api/disbursements/{e.Id}/approve", null,
            422))).Code.Should().Be("approver-must-not-be-certifier");
        await spending.Send(tsb, "POST", $"/api/disbursements/{e.Id}/approve", null, 200);
    }
}
