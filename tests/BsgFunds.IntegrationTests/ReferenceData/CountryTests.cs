using BsgFunds.Domain.ReferenceData;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.ReferenceData;

public class CountryTests(AppFixture app) : ApiTest(app)
{
    private sealed record MembershipView(string Group, DateOnly? From, DateOnly? To);

    private sealed record CountryView(string Code, string Alpha3, string Name, string Region, DateOnly On, List<string> Groups,
        bool Developing, bool EligibleForFellowships, List<MembershipView> Memberships);

    [Fact]
    public async Task every_signed_in_role_reads_the_countries_with_region_and_groups()
    {
        var donor = await TokenFor("Donor", "d", Guid.NewGuid());
        var countries = (await ReadAs<PageAnswer<CountryView>>(await Send("GET", "/api/countries?on=2026-06-01&pageSize=1000", donor))).Items;

        countries!.Should().HaveCountGreaterThanOrEqualTo(193);
        var tuvalu = countries!.Single(c => c.Code == "TV");
        tuvalu.Region.Should().Be("AsiaPacific");
        tuvalu.Groups.Should().Contain(["LDC", "SIDS", "Developing"]);
        tuvalu.EligibleForFellowships.Should().BeTrue();
        countries!.Single(c => c.Code == "CH").EligibleForFellowships.Should().BeFalse();
    }

    [Fact]
    public async Task a_classification_change_is_recorded_as_an_event_and_reads_reflect_it_by_date()
    {
        var officer = await TokenFor("FinanceOfficer", "fo-1");
        var answer = await ReadAs<CountryView>(await Send("PUT", "/api/countries/SB/classifications", officer,
            new { group = "LDC", from = "1991-01-01", to = "2027-12-13", source = "GA resolution 76/8" }));
        answer!.Memberships.Should().ContainEquivalentOf(new MembershipView("LDC", new DateOnly(1991, 1, 1), new DateOnly(2027, 12, 13)));

        var auditor = await TokenFor("Auditor");
        var before = await ReadAs<CountryView>(await Send("GET", "/api/countries/SB?on=2027-12-12", auditor));
        var after = await ReadAs<CountryView>(await Send("GET", "/api/countries/SB?on=2027-12-13", auditor));
        before!.Groups.Should().Contain("LDC");
        after!.Groups.Should().NotContain("LDC").And.Contain("SIDS");

        var listed = (await ReadAs<PageAnswer<CountryView>>(await Send("GET", "/api/countries?on=2027-12-13&pageSize=1000", auditor))).Items;
        listed!.Single(c => c.Code == "SB").Groups.Should().NotContain("LDC");

        var stored = (await AllEvents()).Should().ContainSingle().Subject.Data.Should().BeOfType<CountryClassificationRecorded>().Subject;
        stored.Should().BeEquivalentTo(new { CountryCode = "SB", Group = CountryGroup.LDC, From = new DateOnly(1991, 1, 1),
            To = (DateOnly?)new DateOnly(2027, 12, 13), RecordedBy = "fo-1" });
    }

    [Fact]
    public async Task an_unknown_country_is_404()
    {
        var officer = await TokenFor("FinanceOfficer");
        await Send("GET", "/api/countries/ZZ", officer, expectedStatus: 404);
        var problem = await ProblemOf(await Send("PUT", "/api/countries/ZZ/classifications", officer, new { group = "LDC", from = "2020-01-01" },
            404));
        problem.Code.Should().Be("country-not-found");
        (await AllEvents()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{\"from\": \"2020-01-01\"}", "group")]
    [InlineData("{\"group\": \"LDC\"}", "from")]
    [InlineData("{\"group\": \"LDC\", \"from\": \"2020-01-01\", \"to\": \"2019-01-01\"}", "to")]
    [InlineData("{\"group\": \"LDC\", \"from\": \"2020-02-30\"}", "from")]
    [InlineData("{\"group\": \"LDC\", \"from\": \"2020-01-01\", \"ratified\": true}", "ratified")]
    public async Task a_bad_classification_change_is_a_400_naming_the_field(string body, string field)
    {
        var officer = await TokenFor("FinanceOfficer");
        var problem = await ProblemOf(await Send("PUT", "/api/countries/SN/classifications", officer, rawBody: body, expectedStatus: 400));
        problem.Errors.Should().ContainKey(field);
        (await AllEvents()).Should().BeEmpty();
    }

    [Fact]
    public async Task only_finance_officers_record_classification_changes()
    {
        var director = await TokenFor("TsbDirector");
        await Send("PUT", "/api/countries/SN/classifications", director, new { group = "LDC", from = "2020-01-01" }, 403);
        (await AllEvents()).Should().BeEmpty();
    }
}
