using System.Net;
using System.Text;
using BsgFunds.TestSupport;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace BsgFunds.ConsoleTests;

/// <summary>
/// A camt.053 statement imported through the API: the finance officer finds its line in the inbox, opens the statement
/// and confirms the proposed contribution; the receipt is then on the contribution (docs/bank-statements.md).
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class BankStatementConsoleTests(ConsoleSite site)
{
    /// <summary>A camt.053.001.02 statement of the fund's Development account (appsettings.Development.json) with one credit.</summary>
    private static string Statement(string reference, decimal amount, string valueDate, string remittance) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-{reference}</MsgId><CreDtTm>{valueDate}T18:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>{reference}</Id>
              <ElctrncSeqNb>1</ElctrncSeqNb>
              <CreDtTm>{valueDate}T18:00:00</CreDtTm>
              <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              <Bal>
                <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                <Amt Ccy="CHF">0.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>{valueDate}</Dt></Dt>
              </Bal>
              <Ntry>
                <Amt Ccy="CHF">{amount:0.00}</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <Sts>BOOK</Sts>
                <BookgDt><Dt>{valueDate}</Dt></BookgDt>
                <ValDt><Dt>{valueDate}</Dt></ValDt>
                <AcctSvcrRef>{reference}-1</AcctSvcrRef>
                <BkTxCd/>
                <NtryDtls><TxDtls>
                  <RltdPties><Dbtr><Nm>Statement Donor</Nm></Dbtr></RltdPties>
                  <RmtInf><Ustrd>{remittance}</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    [Fact]
    public async Task a_finance_officer_confirms_an_imported_statement_line_from_the_inbox()
    {
        var fo = await site.TokenAsync("FinanceOfficer", "bank-fo");
        var donor = await site.Api.RegisterDonorAsync(fo, "Statement Donor", "Foundation", "CH");
        var on = new DateOnly(ConsoleSite.Year, 2, 1);
        var contribution = await site.Api.AgreedContributionAsync(fo, donor, 30_000m, on, new AgreementTerms("SD-2026-1", on, on));
        var valueDate = new DateOnly(ConsoleSite.Year, 2, 3).ToString("yyyy-MM-dd");
        var reference = $"STMT-CONSOLE-{Guid.NewGuid():N}"[..24];
        var import = ApiClient.Request(HttpMethod.Post, "/api/bank-statements", fo);
        import.Content = new StringContent(Statement(reference, 30_000m, valueDate, "BSG contribution SD-2026-1"), Encoding.UTF8, "application/xml");
        using (var imported = await site.Api.Http.SendAsync(import))
        {
            imported.StatusCode.Should().Be(HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());
        }

        var page = await site.SignInAsync("FinanceOfficer", "console-bank-fo");
        var inbox = page.GetByRole(AriaRole.Table, new() { Name = "Bank-statement lines to confirm" });
        await inbox.GetByRole(AriaRole.Link, new() { Name = $"{reference}, line 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Bank statement {reference}" }).WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await AccessibilityTests.SeriousViolationsAsync(page)).Should().BeEmpty("the bank statement page has no serious or critical axe violation");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ConsoleSite.Shots, "bank-statement.png"), FullPage = true });

        var confirm = page.GetByRole(AriaRole.Form, new() { Name = "Confirm line 1" });
        (await confirm.GetByLabel("Contribution (required)").InputValueAsync()).Should().Be(contribution.ToString(), "the proposal is chosen");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirm line 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Line 1: CHF 30,000.00, Confirmed" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Form, new() { Name = "Confirm line 1" }).CountAsync())
            .Should().Be(0, "a confirmed line has nothing left to do");

        var answer = await site.GetAsync($"/api/contributions/{contribution}");
        answer.GetProperty("status").GetString().Should().Be("Received");
        answer.GetProperty("receivedChf").GetDecimal().Should().Be(30_000m);
        answer.GetProperty("moneyEvents").ToString().Should().Contain($"{reference}-1", "the receipt carries the bank's reference");
        await ConsoleSite.GoAsync(page, "#/inbox");
        (await page.GetByRole(AriaRole.Link, new() { Name = $"{reference}, line 1" }).CountAsync()).Should().Be(0, "nothing of it awaits anyone");
        site.Foreign.Should().BeEmpty();
    }
}
