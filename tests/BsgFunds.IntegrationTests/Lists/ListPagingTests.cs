using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Spending;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Lists;

public class ListPagingTests(AppFixture app) : ApiTest(app)
{
    private sealed record Named(Guid Id, string Name);

    private sealed record Listed(Guid Id);

    private sealed record CountryCode(string Code);

    private sealed record Rate(string Currency);

    private async Task<PageAnswer<T>> List<T>(string url, string token) => await ReadAs<PageAnswer<T>>(await Send("GET", url, token));

    [Fact]
    public async Task donors_come_a_page_at_a_time_by_name_with_the_total()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        foreach (var name in new[] { "Echo", "Alpha", "Delta", "Charlie", "Bravo" }) await fo.Donor(name, "Foundation", null);
        var auditor = await TokenFor("Auditor");

        var first = await List<Named>("/api/donors?pageSize=2", auditor);
        first.Should().BeEquivalentTo(new { Page = 1, PageSize = 2, Total = 5L });
        first.Items.Select(d => d.Name).Should().Equal("Alpha", "Bravo");
        (await List<Named>("/api/donors?page=2&pageSize=2", auditor)).Items.Select(d => d.Name).Should().Equal("Charlie", "Delta");
        var last = await List<Named>("/api/donors?page=3&pageSize=2", auditor);
        last.Items.Select(d => d.Name).Should().Equal("Echo");
        last.Total.Should().Be(5);
        var past = await List<Named>("/api/donors?page=4&pageSize=2", auditor);
        past.Items.Should().BeEmpty();
        past.Total.Should().Be(5, "a page past the end still counts the list");

        var whole = await List<Named>("/api/donors", auditor);
        whole.Should().BeEquivalentTo(new { Page = 1, PageSize = 100, Total = 5L });
        whole.Items.Should().HaveCount(5);
    }

    [Fact]
    public async Task a_donor_pages_through_its_own_record_only()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var own = await fo.Donor("Own", "Foundation", null);
        await fo.Donor("Other", "Foundation", null);
        await fo.Pledge(own, "OtherVoluntary", 10m, "CHF");
        await fo.Pledge(own, "OtherVoluntary", 20m, "CHF");
        var other = await fo.Donor("Third", "Foundation", null);
        await fo.Pledge(other, "OtherVoluntary", 30m, "CHF");
        var donor = await TokenFor("Donor", "own-person", own);

        var donors = await List<Named>("/api/donors?pageSize=1", donor);
        donors.Items.Select(d => d.Id).Should().Equal(own);
        donors.Total.Should().Be(1);
        var contributions = await List<Listed>("/api/contributions?pageSize=1&page=2", donor);
        contributions.Items.Should().HaveCount(1);
        contributions.Total.Should().Be(2, "a donor counts only its own contributions");
    }

    [Fact]
    public async Task contributions_and_allocations_page_in_a_stable_order()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Donor", "Foundation", null);
        var pledged = new List<Guid>();
        for (var i = 0; i < 3; i++) pledged.Add(await fo.Pledge(donor, "OtherVoluntary", 10m + i, "CHF"));
        var auditor = await TokenFor("Auditor");

        var contributions = (await List<Listed>("/api/contributions?pageSize=2", auditor)).Items
            .Concat((await List<Listed>("/api/contributions?pageSize=2&page=2", auditor)).Items).Select(c => c.Id).ToList();
        contributions.Should().BeEquivalentTo(pledged, "two pages hold every contribution once");
        (await List<Listed>($"/api/contributions?donorId={donor}&pageSize=2&page=2", auditor)).Total.Should().Be(3);

        var spending = new SpendingOffice(Host);
        var po = await TokenFor("ProgrammeOfficer", "po-1");
        var requested = new List<Guid>();
        for (var i = 0; i < 3; i++) requested.Add(await spending.RequestAllocation(po, 1, "Translation", 100m + i));
        var first = await List<Listed>("/api/allocations?year=2026&pageSize=2", auditor);
        first.Total.Should().Be(3);
        first.Items.Select(a => a.Id).Should().Equal(requested[0], requested[1]);
        (await List<Listed>("/api/allocations?year=2026&pageSize=2&page=2", auditor)).Items.Select(a => a.Id).Should().Equal(requested[2]);
        (await List<Listed>("/api/allocations?year=2027", auditor)).Total.Should().Be(0);
    }

    [Fact]
    public async Task countries_and_a_months_rates_are_paged_too()
    {
        var token = await TokenFor("Auditor");
        var first = await List<CountryCode>("/api/countries", token);
        first.PageSize.Should().Be(100, "the default page size is 100");
        first.Items.Should().HaveCount(100);
        first.Total.Should().BeGreaterThanOrEqualTo(193);
        var all = await List<CountryCode>("/api/countries?pageSize=1000", token);
        all.Items.Should().HaveCount((int)first.Total);
        var second = await List<CountryCode>("/api/countries?page=2", token);
        second.Items.Select(c => c.Code).Should().Equal(all.Items.Skip(100).Take(100).Select(c => c.Code));

        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        foreach (var currency in new[] { "USD", "EUR", "JPY" }) await fo.Rate(currency, "2026-11", 0.9m);
        var rates = await List<Rate>("/api/exchange-rates?month=2026-11&pageSize=2&page=2", token);
        rates.Items.Select(r => r.Currency).Should().Equal("USD");
        rates.Should().BeEquivalentTo(new { Page = 2, PageSize = 2, Total = 3L });
    }

    [Theory]
    [InlineData("page=0", "page", "page-invalid")]
    [InlineData("page=-1", "page", "page-invalid")]
    [InlineData("pageSize=0", "pageSize", "page-size-invalid")]
    [InlineData("pageSize=1001", "pageSize", "page-size-invalid")]
    public async Task a_page_out_of_range_is_a_400_naming_the_parameter_on_every_list(string query, string field, string code)
    {
        var token = await TokenFor("Auditor");
        string[] lists = ["/api/donors?", "/api/contributions?", "/api/allocations?", "/api/countries?", "/api/exchange-rates?month=2026-11&"];
        foreach (var list in lists)
        {
            var problem = await ProblemOf(await Send("GET", list + query, token, expectedStatus: 400));
            problem.Code.Should().Be(code, list);
            problem.Errors.Should().ContainKey(field, list);
        }

        await Send("GET", "/api/donors?pageSize=1000", token);
    }
}
