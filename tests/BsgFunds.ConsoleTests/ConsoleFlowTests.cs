using System.Text.Json;
using BsgFunds.TestSupport;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace BsgFunds.ConsoleTests;

/// <summary>The staff console's work flows through its forms, checked against what the API then answers (docs/console.md).</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleFlowTests(ConsoleSite site)
{
    private static ILocator Form(IPage page, string name) => page.GetByRole(AriaRole.Form, new() { Name = name });

    private static ILocator Field(ILocator form, string label) => form.GetByLabel(label, new() { Exact = true });

    private static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ');

    [Fact]
    public async Task a_finance_officer_records_a_pledge_an_agreement_and_a_receipt_through_the_forms()
    {
        var fo = await site.TokenAsync("FinanceOfficer", "flow-fo");
        var donor = await site.Api.RegisterDonorAsync(fo, "Pledging Donor", "MemberState", "FI");
        var page = await site.SignInAsync("FinanceOfficer", "console-fo", $"#/donors/{donor}");

        var pledge = Form(page, "Record a pledge");
        await Field(pledge, "Amount (required)").FillAsync("120000");
        await Field(pledge, "Pledged on (required)").FillAsync($"{ConsoleSite.Year}-01-10");
        await pledge.GetByRole(AriaRole.Button, new() { Name = "Record the pledge" }).ClickAsync();
        await page.WaitForURLAsync("**/console/#/contributions/*");
        var contribution = Guid.Parse(new Uri(page.Url).Fragment.Split('/')[2]);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Contribution of Pledging Donor" }).WaitForAsync();

        var agreement = Form(page, "Sign the agreement");
        await Field(agreement, "Signed on (required)").FillAsync($"{ConsoleSite.Year}-01-20");
        await Field(agreement, "Agreement reference (required)").FillAsync("PD-2026-1");
        await Field(agreement, "Instalment 1 due on").FillAsync($"{ConsoleSite.Year}-01-25");
        await Field(agreement, "Instalment 1 amount").FillAsync("70000");
        await agreement.GetByRole(AriaRole.Button, new() { Name = "Add an instalment" }).ClickAsync();
        await Field(agreement, "Instalment 2 due on").FillAsync($"{ConsoleSite.Year}-02-25");
        await Field(agreement, "Instalment 2 amount").FillAsync("50000");
        await agreement.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();

        var receipt = Form(page, "Record a receipt");
        await receipt.WaitForAsync();
        await Field(receipt, "Amount received (required)").FillAsync("70000");
        await Field(receipt, "Value date (required)").FillAsync($"{ConsoleSite.Year}-01-26");
        await Field(receipt, "Bank reference (required)").FillAsync("PD-R-1");
        await receipt.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "PD-R-1" }).WaitForAsync();

        var answer = await site.GetAsync($"/api/contributions/{contribution}");
        answer.GetProperty("status").GetString().Should().Be("Received");
        answer.GetProperty("agreement").GetProperty("instalments").GetArrayLength().Should().Be(2);
        answer.GetProperty("receivedChf").GetDecimal().Should().Be(70_000m);
        answer.GetProperty("receivableChf").GetDecimal().Should().Be(50_000m);
        // CHF with two decimals and the reader's (en-US) thousands separator; the history names who did it.
        Plain(await page.Locator("dl.facts").First.InnerTextAsync()).Should().Contain("CHF 70,000.00");
        var history = Plain(await page.GetByRole(AriaRole.Table, new() { Name = "Who did what and when" }).InnerTextAsync());
        history.Should().Contain("ContributionPledged").And.Contain("console-fo").And.Contain("FinanceOfficer");
    }

    [Fact]
    public async Task a_double_submitted_receipt_is_recorded_once()
    {
        var fo = await site.TokenAsync("FinanceOfficer", "double-fo");
        var donor = await site.Api.RegisterDonorAsync(fo, "Double Donor", "Foundation", "CH");
        var on = new DateOnly(ConsoleSite.Year, 1, 5);
        var contribution = await site.Api.AgreedContributionAsync(fo, donor, 10_000m, on, new AgreementTerms("DD-1", on, on));
        var page = await site.SignInAsync("FinanceOfficer", "console-double", $"#/contributions/{contribution}");
        var keys = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/receipts", StringComparison.Ordinal)) keys.Add(request.Headers["idempotency-key"]);
        };

        // The first answer is lost on the way back (the API recorded the receipt, the browser sees a network failure).
        var lost = false;
        await page.RouteAsync("**/receipts", async route =>
        {
            if (lost) await route.ContinueAsync();
            else
            {
                lost = true;
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
            }
        });

        var receipt = Form(page, "Record a receipt");
        await Field(receipt, "Amount received (required)").FillAsync("4000");
        await Field(receipt, "Value date (required)").FillAsync($"{ConsoleSite.Year}-01-06");
        await Field(receipt, "Bank reference (required)").FillAsync("DD-R-1");
        var send = receipt.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" });
        await send.DblClickAsync();
        await receipt.Locator(".problem", new() { HasText = "sending again is safe" }).WaitForAsync();
        await send.ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "DD-R-1" }).WaitForAsync();

        keys.Should().HaveCountGreaterThanOrEqualTo(2).And.OnlyContain(k => k == keys[0], "every submission of one form carries its one key");
        var answer = await site.GetAsync($"/api/contributions/{contribution}");
        answer.GetProperty("moneyEvents").EnumerateArray().Count(e => e.GetProperty("bankReference").GetString() == "DD-R-1").Should().Be(1);
        answer.GetProperty("receivedChf").GetDecimal().Should().Be(4_000m);
    }

    [Fact]
    public async Task an_allocation_is_requested_approved_from_the_tsb_inbox_and_signed_off_by_the_bdt()
    {
        var po = await site.SignInAsync("ProgrammeOfficer", "alloc-po", "#/budget");
        var request = Form(po, "Request an allocation");
        await Field(request, "Programme (1 to 3) (required)").FillAsync("3");
        await Field(request, "Use (required)").SelectOptionAsync("Fellowship");
        await Field(request, "Title (required)").FillAsync("Fellowships for SG17");
        await Field(request, "Amount (CHF) (required)").FillAsync("30000");
        await request.GetByRole(AriaRole.Button, new() { Name = "Request the allocation" }).ClickAsync();
        await po.WaitForURLAsync("**/console/#/allocations/*");
        var allocation = Guid.Parse(new Uri(po.Url).Fragment.Split('/')[2]);

        var tsb = await site.SignInAsync("TsbDirector", "alloc-tsb");
        var waiting = tsb.GetByRole(AriaRole.Table, new() { Name = "Allocations awaiting TSB approval" });
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Fellowships for SG17" }).ClickAsync();
        await tsb.GetByRole(AriaRole.Button, new() { Name = "Approve the allocation" }).ClickAsync();
        await tsb.GetByRole(AriaRole.Cell, new() { Name = "alloc-tsb" }).WaitForAsync();

        var bdt = await site.SignInAsync("BdtDirector", "alloc-bdt");
        await bdt.GetByRole(AriaRole.Table, new() { Name = "Allocations awaiting BDT sign-off" })
            .GetByRole(AriaRole.Link, new() { Name = "Fellowships for SG17" }).ClickAsync();
        await bdt.GetByRole(AriaRole.Button, new() { Name = "Sign off the allocation" }).ClickAsync();
        await bdt.GetByRole(AriaRole.Cell, new() { Name = "alloc-bdt" }).WaitForAsync();

        var answer = await site.GetAsync($"/api/allocations/{allocation}");
        answer.GetProperty("status").GetString().Should().Be("Approved");
        answer.GetProperty("signOffs").EnumerateArray().Select(s => s.GetProperty("by").GetString())
            .Should().BeEquivalentTo(["alloc-tsb", "alloc-bdt"]);
        answer.GetProperty("funding").GetArrayLength().Should().BeGreaterThan(0);
        await bdt.GetByRole(AriaRole.Table, new() { Name = "Funding contributions of the approval" }).WaitForAsync();
    }

    [Fact]
    public async Task a_disbursement_is_certified_approved_by_someone_else_and_paid_and_one_above_the_remaining_balance_is_refused_beside_its_field()
    {
        var allocation = await ApprovedAllocationAsync("Expert missions", 20_000m);
        var po = await site.SignInAsync("ProgrammeOfficer", "disb-po", $"#/allocations/{allocation}");
        var request = Form(po, "Request a disbursement");
        await Field(request, "Amount (CHF) (required)").FillAsync("25000");
        await Field(request, "Kind (required)").SelectOptionAsync("Expert");
        await Field(request, "Purpose (required)").FillAsync("Expert mission to Dakar");
        await Field(request, "Payee (required)").FillAsync("M. Diallo");
        await Field(request, "Payee's country (ISO code) (required)").FillAsync("SN");
        await request.GetByRole(AriaRole.Button, new() { Name = "Request the disbursement" }).ClickAsync();

        // The API's detail beside the amount, named by the field's description; nothing written.
        var amount = Field(request, "Amount (CHF) (required)");
        var error = request.Locator(".field-error:not([hidden])");
        await error.WaitForAsync();
        var detail = await error.InnerTextAsync();
        detail.Should().Contain("of the allocation remains");
        (await amount.GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await amount.GetAttributeAsync("aria-describedby"))!.Split(' ').Should().Contain(await error.GetAttributeAsync("id"));
        (await request.Locator(".problem").InnerTextAsync()).Should().Contain("of the allocation remains");
        (await site.GetAsync($"/api/allocations/{allocation}")).GetProperty("disbursements").GetArrayLength().Should().Be(0);

        await amount.FillAsync("8000");
        await request.GetByRole(AriaRole.Button, new() { Name = "Request the disbursement" }).ClickAsync();
        await po.WaitForURLAsync("**/console/#/disbursements/*");
        var disbursement = Guid.Parse(new Uri(po.Url).Fragment.Split('/')[2]);
        await po.GetByRole(AriaRole.Heading, new() { Name = "Disbursement: Expert to M. Diallo" }).WaitForAsync();

        var certifier = await site.SignInAsync("ProgrammeOfficer", "disb-po2");
        await certifier.GetByRole(AriaRole.Table, new() { Name = "Disbursements to certify" })
            .GetByRole(AriaRole.Link, new() { Name = "Expert: M. Diallo" }).ClickAsync();
        await certifier.GetByRole(AriaRole.Button, new() { Name = "Certify the delivery" }).ClickAsync();
        await certifier.GetByText("by disb-po2 at", new() { Exact = false }).WaitForAsync();

        var tsb = await site.SignInAsync("TsbDirector", "disb-tsb");
        await tsb.GetByRole(AriaRole.Table, new() { Name = "Disbursements to approve" })
            .GetByRole(AriaRole.Link, new() { Name = "Expert: M. Diallo" }).ClickAsync();
        await tsb.GetByRole(AriaRole.Button, new() { Name = "Approve the disbursement" }).ClickAsync();
        await tsb.GetByText("by disb-tsb (TsbDirector)", new() { Exact = false }).WaitForAsync();

        var fo = await site.SignInAsync("FinanceOfficer", "disb-fo");
        await fo.GetByRole(AriaRole.Table, new() { Name = "Disbursements to pay" })
            .GetByRole(AriaRole.Link, new() { Name = "Expert: M. Diallo" }).ClickAsync();
        var pay = Form(fo, "Pay");
        await Field(pay, "Payment reference (required)").FillAsync("PAY-DIALLO-1");
        await pay.GetByRole(AriaRole.Button, new() { Name = "Record the payment" }).ClickAsync();
        await fo.GetByText("PAY-DIALLO-1", new() { Exact = false }).First.WaitForAsync();

        var answer = await site.GetAsync($"/api/disbursements/{disbursement}");
        answer.GetProperty("status").GetString().Should().Be("Paid");
        answer.GetProperty("certified").GetProperty("by").GetString().Should().Be("disb-po2");
        answer.GetProperty("approved").GetProperty("by").GetString().Should().Be("disb-tsb");
        answer.GetProperty("paid").GetProperty("paymentReference").GetString().Should().Be("PAY-DIALLO-1");
    }

    [Fact]
    public async Task a_stale_record_is_refused_with_a_clear_message_when_someone_else_changed_it()
    {
        var fo = await site.TokenAsync("FinanceOfficer", "stale-fo");
        var donor = await site.Api.RegisterDonorAsync(fo, "Stale Donor", "Foundation", "CH");
        var on = new DateOnly(ConsoleSite.Year, 1, 5);
        var contribution = await site.Api.AgreedContributionAsync(fo, donor, 10_000m, on, new AgreementTerms("ST-1", on, on));
        var page = await site.SignInAsync("FinanceOfficer", "console-stale", $"#/contributions/{contribution}");
        await site.Api.RecordReceiptAsync(fo, contribution, 1_000m, on, "ST-OTHER");

        var receipt = Form(page, "Record a receipt");
        await Field(receipt, "Amount received (required)").FillAsync("2000");
        await Field(receipt, "Value date (required)").FillAsync($"{ConsoleSite.Year}-01-06");
        await Field(receipt, "Bank reference (required)").FillAsync("ST-MINE");
        await receipt.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" }).ClickAsync();
        await receipt.Locator(".problem", new() { HasText = "Someone else changed this record" }).WaitForAsync();
        (await site.GetAsync($"/api/contributions/{contribution}")).GetProperty("receivedChf").GetDecimal().Should().Be(1_000m);
    }

    [Fact]
    public async Task a_donor_token_is_refused_with_a_clear_page()
    {
        var token = await site.TokenAsync("Donor", "donor-at-console", site.FundedDonor);
        var context = await site.ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/console/").ToString());
        await page.EvaluateAsync("t => sessionStorage.setItem('bsgfunds-console-dev-token', t)", token);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "This console is for the fund's staff" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).InnerTextAsync()).Should().Contain("donor");
        (await page.Locator("nav").IsVisibleAsync()).Should().BeFalse();
        await context.CloseAsync();
    }

    [Fact]
    public async Task the_console_is_served_with_a_strict_policy_and_its_config()
    {
        using var answer = await site.Api.Http.GetAsync("/console/");
        answer.IsSuccessStatusCode.Should().BeTrue();
        var policy = answer.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.Contain("script-src 'self'").And.Contain("connect-src 'self';");
        var config = JsonDocument.Parse(await site.Api.Http.GetStringAsync("/console/config.json")).RootElement;
        config.GetProperty("signIn").GetString().Should().Be("development");
        site.Foreign.Should().BeEmpty("nothing is fetched from another origin");
    }

    private async Task<Guid> ApprovedAllocationAsync(string title, decimal amountChf)
    {
        var po = await site.TokenAsync("ProgrammeOfficer", "seed-po");
        var tsb = await site.TokenAsync("TsbDirector", "seed-tsb");
        var id = await site.Api.PostForIdAsync("/api/allocations", po, new
        {
            year = ConsoleSite.Year, programme = 1, use = "AssistanceAndConsultation", title,
            amountChf,
        });
        await site.Api.SendJsonAsync(HttpMethod.Post, $"/api/allocations/{id}/approve", tsb);
        return id;
    }
}
