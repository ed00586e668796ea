using System.Text.Json;
using BsgFunds.TestSupport;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace BsgFunds.ConsoleTests;

/// <summary>
/// Every page of the console passes axe-core (from the npm registry, src/BsgFunds.Console/node_modules) without a serious or
/// critical violation, and is photographed (into docs/console/ for docs/console.md when BSGFUNDS_UPDATE_SCREENSHOTS=1); the
/// receipt form works from the keyboard alone.
/// The inbox's time to first render is measured (not asserted) into measurements.json beside the screenshots.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class AccessibilityTests(ConsoleSite site)
{
    private static string Shots => ConsoleSite.Shots;

    internal static async Task<string[]> SeriousViolationsAsync(IPage page)
    {
        // Evaluated through the browser's debugging protocol, which the page's script-src 'self' does not govern.
        var axe = await File.ReadAllTextAsync(Path.Combine(ConsoleSite.ConsoleFolder, "node_modules", "axe-core", "axe.min.js"));
        await page.EvaluateAsync($"() => {{ {axe}\n }}");
        var found = await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return found;
    }

    private async Task CheckAsync(IPage page, string name)
    {
        (await SeriousViolationsAsync(page)).Should().BeEmpty($"the {name} page has no serious or critical axe violation");
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, $"{name}.png"), FullPage = true });
    }

    [Fact]
    public async Task every_page_has_no_serious_or_critical_axe_violation_and_is_photographed()
    {
        var fo = await site.TokenAsync("FinanceOfficer", "a11y-fo");
        var po = await site.TokenAsync("ProgrammeOfficer", "a11y-po");
        var po2 = await site.TokenAsync("ProgrammeOfficer", "a11y-po2");
        var tsb = await site.TokenAsync("TsbDirector", "a11y-tsb");
        var donor = await site.Api.RegisterDonorAsync(fo, "Axe Foundation", "Foundation", "CH");
        var on = new DateOnly(ConsoleSite.Year, 1, 3);
        var contribution = await site.Api.AgreedContributionAsync(fo, donor, 48_500.5m, on, new AgreementTerms("AX-1", on, on));
        await site.Api.RecordReceiptAsync(fo, contribution, 12_345.67m, on, "AX-R-1");
        var waiting = await site.Api.PostForIdAsync("/api/allocations", po, new
        {
            year = ConsoleSite.Year, programme = 1, use = "AssistanceAndConsultation",
            title = "Consultancy awaiting approval", amountChf = 12_000m,
        });
        var approved = await site.Api.PostForIdAsync("/api/allocations", po, new
        {
            year = ConsoleSite.Year, programme = 1, use = "AssistanceAndConsultation",
            title = "Consultancy approved", amountChf = 15_000m,
        });
        await site.Api.SendJsonAsync(HttpMethod.Post, $"/api/allocations/{approved}/approve", tsb);
        var disbursement = await site.Api.PostForIdAsync($"/api/allocations/{approved}/disbursements", po, new
        {
            amountChf = 4_200m, kind = "Institution", purpose = "Lab equipment", payee = new { name = "KENET", countryCode = "KE" },
        });
        await site.Api.SendJsonAsync(HttpMethod.Post, $"/api/disbursements/{disbursement}/certify", po2);

        var signIn = await (await site.ContextAsync()).NewPageAsync();
        await signIn.GotoAsync(new Uri(site.Address, "/console/").ToString());
        await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).WaitForAsync();
        await CheckAsync(signIn, "sign-in");

        var director = await site.SignInAsync("TsbDirector", "a11y-tsb2");
        await director.GetByRole(AriaRole.Link, new() { Name = "Consultancy awaiting approval" }).WaitForAsync();
        await CheckAsync(director, "inbox");
        await ConsoleSite.GoAsync(director, $"#/allocations/{waiting}");
        await CheckAsync(director, "allocation");
        await ConsoleSite.GoAsync(director, $"#/disbursements/{disbursement}");
        await CheckAsync(director, "disbursement");

        var finance = await site.SignInAsync("FinanceOfficer", "a11y-fo2", "#/donors");
        await CheckAsync(finance, "donors");
        await ConsoleSite.GoAsync(finance, $"#/donors/{donor}");
        await CheckAsync(finance, "donor");
        await ConsoleSite.GoAsync(finance, $"#/contributions/{contribution}");
        await CheckAsync(finance, "contribution");
        await ConsoleSite.GoAsync(finance, "#/reports");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Show receivables" }).ClickAsync();
        await finance.GetByRole(AriaRole.Heading, new() { Name = "Receivables", Level = 2 }).Last.WaitForAsync();
        await CheckAsync(finance, "reports");
        await finance.GetByRole(AriaRole.Button, new() { Name = "Show statement of financial position" }).ClickAsync();
        await finance.GetByRole(AriaRole.Heading, new() { Name = "Statement of financial position", Level = 2 }).Last.WaitForAsync();
        (await finance.Locator("#report-output .problem").CountAsync()).Should().Be(0, "a finance officer reads the IPSAS statements");
        var download = await finance.RunAndWaitForDownloadAsync(() =>
            finance.GetByRole(AriaRole.Button, new() { Name = "Download trial balance CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        using var expected = await site.Api.Http.SendAsync(CsvRequest("/api/reports/trial-balance", fo));
        csv.Split('\n')[0].Should().Be((await expected.Content.ReadAsStringAsync()).Split('\n')[0], "the CSV is the API's");

        var programme = await site.SignInAsync("ProgrammeOfficer", "a11y-po3", "#/budget");
        await CheckAsync(programme, "budget");

        var auditor = await site.SignInAsync("Auditor", "a11y-auditor", "#/audit");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await auditor.GetByText("Intact.", new() { Exact = false }).WaitForAsync();
        await CheckAsync(auditor, "audit");
        site.Foreign.Should().BeEmpty();
    }

    [Fact]
    public async Task the_receipt_form_works_from_the_keyboard_alone()
    {
        var fo = await site.TokenAsync("FinanceOfficer", "keys-fo");
        var donor = await site.Api.RegisterDonorAsync(fo, "Keyboard Donor", "Academia", "CH");
        var on = new DateOnly(ConsoleSite.Year, 1, 4);
        var contribution = await site.Api.AgreedContributionAsync(fo, donor, 9_000m, on, new AgreementTerms("KB-1", on, on));
        var page = await site.SignInAsync("FinanceOfficer", "console-keys", $"#/contributions/{contribution}");

        // From the top of the page, Tab until the receipt's amount has the focus: every control on the way is reachable.
        await page.Keyboard.PressAsync("Tab");
        var reached = false;
        for (var i = 0; i < 80 && !reached; i++)
        {
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.labels?.[0]?.textContent === 'Amount received (required)'");
            if (!reached) await page.Keyboard.PressAsync("Tab");
        }

        reached.Should().BeTrue("the receipt's amount is reachable with Tab");
        await page.Keyboard.TypeAsync("3000");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent")).Should().Be("Currency (required)");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent")).Should().Be("Value date (required)");
        // A date input takes one Tab per part (month, day, year) before the next field.
        const string focused = "() => document.activeElement.labels[0].textContent";
        for (var i = 0; i < 6 && await page.EvaluateAsync<string>(focused) != "Bank reference (required)"; i++) await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent")).Should().Be("Bank reference (required)");
        await page.Keyboard.TypeAsync("KB-R-1");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Cell, new() { Name = "KB-R-1" }).WaitForAsync();
        (await site.GetAsync($"/api/contributions/{contribution}")).GetProperty("receivedChf").GetDecimal().Should().Be(3_000m);
    }

    [Fact]
    public async Task the_inbox_first_render_is_measured_for_the_docs()
    {
        var page = await site.SignInAsync("TsbDirector", "timing-tsb");
        var timings = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("() => performance.getEntriesByName('console-first-render').length > 0");
            timings.Add(await page.EvaluateAsync<double>("() => performance.getEntriesByName('console-first-render')[0].startTime"));
        }

        timings.Sort();
        var sizes = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ConsoleSite.RepositoryRoot, "src", "BsgFunds.Api", "wwwroot",
            "console",
            "bundle-size.json"))).RootElement;
        Directory.CreateDirectory(Shots);
        await File.WriteAllTextAsync(Path.Combine(Shots, "measurements.json"), JsonSerializer.Serialize(new
        {
            inboxFirstRenderMs = new { median = Math.Round(timings[timings.Count / 2]), min = Math.Round(timings[0]), max = Math.Round(timings[^1]) },
            bundle = sizes,
        }, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        timings.Should().OnlyContain(t => t > 0);
    }

    private static HttpRequestMessage CsvRequest(string url, string token)
    {
        var request = ApiClient.Request(HttpMethod.Get, url, token);
        request.Headers.Add("Accept", "text/csv");
        return request;
    }
}
