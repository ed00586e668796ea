using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Spending;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Disbursements;

public class FellowshipTests(AppFixture app) : ApiTest(app)
{
    private SpendingOffice Spending => new(Host);

    private async Task<(Guid Allocation, string Po)> ApprovedFellowships()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Pool", "Foundation", null);
        var c = await fo.Pledge(donor, "OtherVoluntary", 100_000m, "CHF");
        await fo.Sign(c, 100_000m, "CHF", pscRatePercent: 0m);
        await fo.Receive(c, 100_000m, "CHF", "2026-01-10", "R");
        var po = await TokenFor("ProgrammeOfficer", "po");
        var id = await Spending.RequestAllocation(po, 3, "Fellowship", 50_000m);
        await Spending.Approve(await TokenFor("TsbDirector", "tsb"), id);
        await Spending.SignOff(await TokenFor("BdtDirector", "bdt"), id);
        return (id, po);
    }

    private object Fellowship(string type, string country, string person, string meeting = "SG17-2026-09", string startsOn = "2026-09-01",
        string gender = "Female") => new
    {
        amountChf = 1_000m, kind = "Fellowship", purpose = "Attend the meeting",
        payee = new { name = person, personId = person, countryCode = country, gender },
        meeting = new { code = meeting, startsOn }, fellowship = type,
    };

    private async Task<string?> Request(Guid allocation, string po, object body)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl($"/api/allocations/{allocation}/disbursements");
            s.WithRequestHeader("Authorization", $"Bearer {po}");
            s.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode == 201 ? null : (await ProblemOf(result)).Code;
    }

    [Fact]
    public async Task per_meeting_and_country_one_full_or_two_partials_including_the_ticket()
    {
        var (a, po) = await ApprovedFellowships();
        (await Request(a, po, Fellowship("Full", "SN", "p1"))).Should().BeNull();
        (await Request(a, po, Fellowship("Ticket", "SN", "p2"))).Should().Be("meeting-country-fellowship-limit");

        (await Request(a, po, Fellowship("Allowance", "KE", "p3"))).Should().BeNull();
        (await Request(a, po, Fellowship("Allowance", "KE", "p4"))).Should().Be("meeting-country-fellowship-limit",
            "two partials include the ticket");
        (await Request(a, po, Fellowship("Ticket", "KE", "p4"))).Should().BeNull();
        (await Request(a, po, Fellowship("Ticket", "KE", "p5"))).Should().Be("meeting-country-fellowship-limit");
        (await Request(a, po, Fellowship("Full", "KE", "p5", meeting: "SG20-2026-10",
            startsOn: "2026-10-05"))).Should().BeNull("the limit is per meeting");
    }

    [Fact]
    public async Task per_person_and_year_one_full_or_two_partials()
    {
        var (a, po) = await ApprovedFellowships();
        (await Request(a, po, Fellowship("Ticket", "NP", "same", meeting: "M1"))).Should().BeNull();
        (await Request(a, po, Fellowship("Allowance", "NP", "same", meeting: "M2"))).Should().BeNull();
        (await Request(a, po, Fellowship("Ticket", "NP", "same", meeting: "M3"))).Should().Be("person-fellowship-limit");
        (await Request(a, po, Fellowship("Full", "NP", "same", meeting: "M4", startsOn: "2027-02-01"))).Should().BeNull("a new financial year");
    }

    [Fact]
    public async Task only_nationals_of_eligible_countries_on_the_meeting_date_and_gender_is_recorded()
    {
        var (a, po) = await ApprovedFellowships();
        (await Request(a, po, Fellowship("Full", "CH", "swiss"))).Should().Be("payee-not-eligible-for-fellowship");
        // Bhutan left the LDC list on 2023-12-13 but stays eligible as a landlocked developing country.
        (await Request(a, po, Fellowship("Full", "BT", "bt", startsOn: "2026-09-01"))).Should().BeNull();

        var noGender = await Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                amountChf = 1m, kind = "Fellowship", purpose = "x", payee = new { name = "n", personId = "x", countryCode = "SN" },
                meeting = new { code = "M", startsOn = "2026-09-01" }, fellowship = "Full",
            }).ToUrl($"/api/allocations/{a}/disbursements");
            s.WithRequestHeader("Authorization", $"Bearer {po}");
            s.StatusCodeShouldBe(400);
        });
        (await ProblemOf(noGender)).Errors.Should().ContainKey("payee.gender");
    }

    [Fact]
    public async Task a_cancelled_fellowship_frees_its_place()
    {
        var (a, po) = await ApprovedFellowships();
        var first = await FinanceOffice.Read<IdAnswer>(await Spending.Send(po, "POST", $"/api/allocations/{a}/disbursements", Fellowship("Full",
            "SN", "p1"), 201));
        await Spending.Send(po, "POST", $"/api/disbursements/{first.Id}/cancel", new { reason = "Visa refused" }, 200);
        (await Request(a, po, Fellowship("Full", "SN", "p2"))).Should().BeNull();
    }
}
