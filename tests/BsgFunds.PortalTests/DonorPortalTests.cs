using System.Globalization;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace BsgFunds.PortalTests;

/// <summary>The donor portal in headless Chromium (Debian's, which the test command installs), against the real API.</summary>
[Collection(PortalSiteCollection.Name)]
public sealed class DonorPortalTests(PortalSite site) : IAsyncLifetime
{
    // The page formats with en-US grouping, which is the invariant culture's too: 100,000.00.
    private static readonly CultureInfo Shown = CultureInfo.InvariantCulture;
    private PortalBrowser browser = null!;

    public async Task InitializeAsync() => browser = await PortalBrowser.LaunchAsync();

    public async Task DisposeAsync() => await browser.DisposeAsync();

    private Task<IPage> SignedInAsync(Guid donor) => browser.SignedInAsync(site, donor);

    private async Task<JsonElement> StatementAsync(string token) =>
        JsonDocument.Parse(await (await site.GetAsync($"/api/reports/donors/{(token == site.TokenA ? site.DonorA : site.DonorB)}/statement",
            token)).Content.ReadAsStringAsync()).RootElement;

    private static string Format(decimal value) => value.ToString("N2", Shown);

    [Fact]
    public async Task a_donor_signs_in_and_sees_the_same_figures_as_the_api_with_a_chart_of_where_the_money_went()
    {
        var api = await StatementAsync(site.TokenA);
        var page = await SignedInAsync(site.DonorA);

        (await page.Locator("#donor-name").TextContentAsync()).Should().Be(site.DonorAName);
        foreach (var field in new[] { "receivedChf", "pscChf", "allocatedChf", "disbursedChf", "refundsChf", "closingBalanceChf" })
            (await page.Locator($"#totals td[data-field='{field}']").TextContentAsync()).Should().Be(Format(api.GetProperty(field).GetDecimal()),
                field);
        // The seeded figures, worked by hand: CHF 100 000 received, 7 % PSC, CHF 30 000 allocated, 19 250.50 paid.
        api.GetProperty("receivedChf").GetDecimal().Should().Be(100_000m);
        api.GetProperty("pscChf").GetDecimal().Should().Be(7_000m);
        api.GetProperty("disbursedChf").GetDecimal().Should().Be(19_250.50m);

        var rows = page.Locator("#contributions tbody tr");
        (await rows.CountAsync()).Should().Be(api.GetProperty("contributions").GetArrayLength());
        (await rows.First.Locator("td").Nth(3).TextContentAsync())
            .Should().Be(Format(api.GetProperty("contributions")[0].GetProperty("receivedChf").GetDecimal()));

        var disbursed = api.GetProperty("contributions").EnumerateArray().SelectMany(c => c.GetProperty("disbursed").EnumerateArray()).ToList();
        var byProgramme = disbursed.GroupBy(d => d.GetProperty("programme").GetInt32()).ToDictionary(g => g.Key,
            g => g.Sum(d => d.GetProperty("amountChf").GetDecimal()));
        byProgramme.Should().BeEquivalentTo(new Dictionary<int, decimal> { [1] = 15_250.50m, [3] = 4_000m });
        var bars = page.Locator("#by-programme svg g[data-label]");
        (await bars.CountAsync()).Should().Be(2);
        for (var i = 0; i < 2; i++)
        {
            var label = await bars.Nth(i).GetAttributeAsync("data-label");
            var amount = decimal.Parse((await bars.Nth(i).GetAttributeAsync("data-amount"))!, CultureInfo.InvariantCulture);
            amount.Should().Be(byProgramme[int.Parse(label![..1], CultureInfo.InvariantCulture)]);
            (await bars.Nth(i).Locator("rect").GetAttributeAsync("width")).Should().NotBeNull();
            (await bars.Nth(i).Locator("text.amount").TextContentAsync()).Should().Be(Format(amount));
        }

        var regions = page.Locator("#by-region svg g[data-label]");
        (await regions.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.label + '=' + g.dataset.amount)"))
            .Should().BeEquivalentTo("Africa=16000", "Americas=3250.5");
        (await page.Locator("#by-programme svg").GetAttributeAsync("role")).Should().Be("img");
    }

    [Fact]
    public async Task the_csv_download_is_the_apis_csv_statement()
    {
        var page = await SignedInAsync(site.DonorA);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());
        var downloaded = await File.ReadAllTextAsync((await download.PathAsync())!);
        // The download is the statement on screen: as of the instant it shows.
        var asOf = Uri.EscapeDataString((await page.Locator("#as-of").GetAttributeAsync("data-as-of"))!);
        var api = await (await site.GetAsync($"/api/reports/donors/{site.DonorA}/statement?asOf={asOf}", site.TokenA,
            "text/csv")).Content.ReadAsStringAsync();
        downloaded.Should().Be(api);
        downloaded.Should().Contain("100000");
    }

    [Fact]
    public async Task another_donors_data_never_appears()
    {
        var page = await SignedInAsync(site.DonorA);
        var text = await page.Locator("body").InnerTextAsync();
        text.Should().NotContain(site.DonorBName).And.NotContain("87,654.00");

        // Even asked directly from the page with donor A's token, donor B's statement is refused by the API.
        var status = await page.EvaluateAsync<int>(
            "async donor => (await fetch(`/api/reports/donors/${donor}/statement`, "
            + "{ headers: { Authorization: `Bearer ${sessionStorage.getItem('bsgfunds.portal.token')}` } })).status",
            site.DonorB.ToString());
        status.Should().Be(404);

        // Signed in as donor B, the page shows B's figures and none of A's.
        var other = await SignedInAsync(site.DonorB);
        (await other.Locator("#donor-name").TextContentAsync()).Should().Be(site.DonorBName);
        (await other.Locator("#totals td[data-field='receivedChf']").TextContentAsync()).Should().Be(Format(87_654m));
        var otherText = await other.Locator("body").InnerTextAsync();
        otherText.Should().NotContain(site.DonorAName).And.NotContain("100,000.00");
        (await other.Locator("#by-programme").InnerTextAsync()).Should().Contain("Nothing disbursed");
    }

    [Fact]
    public async Task a_token_that_is_not_a_donors_is_refused_and_the_page_loads_nothing_from_elsewhere()
    {
        var page = await browser.Browser.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        var response = await page.GotoAsync(new Uri(site.Address, "/portal/").ToString());
        response!.Headers["content-security-policy"].Should().Contain("default-src 'none'");
        await page.GetByLabel("Access token from your organisation's sign-in").FillAsync(await site.TokenAsync("FinanceOfficer", "portal-staff"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with this token" }).ClickAsync();
        (await page.Locator("#status").TextContentAsync()).Should().Contain("does not belong to a donor");
        (await page.Locator("#statement").IsHiddenAsync()).Should().BeTrue();
        requests.Should().OnlyContain(u => u.StartsWith(site.Address.ToString(), StringComparison.Ordinal));
    }
}
