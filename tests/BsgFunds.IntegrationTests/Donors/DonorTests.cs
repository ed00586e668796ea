using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Donors;

public class DonorTests(AppFixture app) : ApiTest(app)
{
    private sealed record DonorAnswer(Guid Id, string Name, string Type, string? CountryCode);

    [Fact]
    public async Task a_registered_donor_is_listed_and_read_with_a_location()
    {
        var officer = await TokenFor("FinanceOfficer");
        var created = await Send("POST", "/api/donors", officer, new { name = "Republic of Korea", type = "MemberState", countryCode = "KR" }, 201);
        var id = (await ReadAs<IdAnswer>(created)).Id;
        created.Context.Response.Headers.Location.ToString().Should().Be($"/api/donors/{id}");

        var auditor = await TokenFor("Auditor");
        (await ReadAs<DonorAnswer>(await Send("GET", $"/api/donors/{id}", auditor))).Should().Be(new DonorAnswer(id, "Republic of Korea",
            "MemberState", "KR"));
        (await ReadAs<PageAnswer<DonorAnswer>>(await Send("GET", "/api/donors",
            await TokenFor("BdtDirector")))).Items.Should().ContainSingle(d => d.Id == id);
    }

    [Fact]
    public async Task a_donor_sees_only_its_own_record_and_contributions_and_others_are_404()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var a = await fo.Donor("Donor A", "Foundation", null);
        var b = await fo.Donor("Donor B", "Foundation", null);
        var contributionA = await fo.Pledge(a, "OtherVoluntary", 10m, "CHF");
        var contributionB = await fo.Pledge(b, "OtherVoluntary", 10m, "CHF");

        var donorA = await TokenFor("Donor", "a-person", a);
        (await ReadAs<PageAnswer<DonorAnswer>>(await Send("GET", "/api/donors", donorA))).Items.Select(d => d.Id).Should().Equal(a);
        await Send("GET", $"/api/donors/{a}", donorA);
        await Send("GET", $"/api/donors/{b}", donorA, expectedStatus: 404);
        await Send("GET", $"/api/contributions/{contributionA}", donorA);
        await Send("GET", $"/api/contributions/{contributionB}", donorA, expectedStatus: 404);
        (await ReadAs<PageAnswer<IdAnswer>>(await Send("GET", "/api/contributions", donorA))).Items.Select(c => c.Id).Should().Equal(contributionA);
        await Send("GET", $"/api/contributions?donorId={b}", donorA, expectedStatus: 404);
        await Send("POST", "/api/donors", donorA, new { name = "x", type = "Other" }, 403);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"type\":\"Foundation\"}", "name")]
    [InlineData("{\"name\":\"X\",\"type\":\"Bank\"}", "type")]
    [InlineData("{\"name\":\"X\"}", "type")]
    [InlineData("{\"name\":\"X\",\"type\":\"MemberState\"}", "countryCode")]
    [InlineData("{\"name\":\"X\",\"type\":\"Foundation\",\"countryCode\":\"QQ\"}", "countryCode")]
    public async Task a_bad_donor_is_a_400_naming_the_field(string body, string field)
    {
        var problem = await ProblemOf(await Send("POST", "/api/donors", await TokenFor("FinanceOfficer"), rawBody: body, expectedStatus: 400));
        problem.Errors.Should().ContainKey(field);
        (await AllEvents()).Should().BeEmpty();
    }

    [Fact]
    public async Task programme_officers_do_not_read_donors()
    {
        await Send("GET", "/api/donors", await TokenFor("ProgrammeOfficer"), expectedStatus: 403);
    }
}
