using System.Xml.Linq;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten;
using Marten.Events;
using Xunit;

namespace BsgFunds.IntegrationTests.Contributions;

/// <summary>Lifecycle 7 and 8 of a contribution (domain.md §2): a pledge withdrawn, an agreement amended, and the reports that follow.</summary>
public class WithdrawalAndAmendmentTests(AppFixture app) : ApiTest(app)
{
    private sealed record PledgeLine(Guid ContributionId, string PledgedOn, MoneyAnswer Amount, decimal? AmountChf, int DaysOutstanding,
        string AgeBucket);

    private sealed record ReceivablesAnswer(List<ReceivableAnswerLine> Lines, decimal TotalChf, List<PledgeLine> Pledges);

    private sealed record ReceivableAnswerLine(Guid ContributionId, string DueOn, MoneyAnswer Outstanding, decimal OutstandingChf);

    private sealed record FundingSourcesAnswer(decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf);

    private sealed record AmendmentAnswer(string Reference, string SignedOn, MoneyAnswer Amount, MoneyAnswer Change, decimal ChangeChf);

    private sealed record AgreementAnswer(MoneyAnswer Amount, decimal AmountChf, List<AmendmentAnswer> Amendments);

    private sealed record FullContribution(string Status, AgreementAnswer? Agreement, decimal AgreedChf, decimal ReceivableChf,
        MoneyAnswer Receivable);

    private async Task<FinanceOffice> Office()
    {
        var office = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await office.Rate("USD", "2026-01", 0.9m);
        await office.Rate("USD", "2026-03", 0.8m);
        return office;
    }

    private async Task<T> Get<T>(string url) => await ReadAs<T>(await Send("GET", url, await TokenFor("Auditor", "au-1")));

    [Fact]
    public async Task a_withdrawn_pledge_counts_nowhere_and_can_no_longer_be_signed()
    {
        var office = await Office();
        var donor = await office.Donor("Fondation W", "Foundation", null);
        var kept = await office.Pledge(donor, "OtherVoluntary", 5_000m, "CHF");
        var withdrawn = await office.Pledge(donor, "OtherVoluntary", 7_000m, "CHF");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        (await Get<ReceivablesAnswer>("/api/reports/receivables")).Pledges.Select(p => p.ContributionId).Should().BeEquivalentTo([kept, withdrawn]);

        var change = await FinanceOffice.Read<Change>(await office.Send("POST", $"/api/contributions/{withdrawn}/withdrawal",
            new { on = "2026-02-01", reason = "The donor's board did not approve it." }, 200));
        change.Contribution.Status.Should().Be("Withdrawn");

        var before = (await AllEvents()).Count;
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{withdrawn}/agreement", new
        {
            signedOn = "2026-02-10", reference = "AGR-W", amount = new { amount = 7_000m, currency = "CHF" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = 7_000m } },
        }, 409))).Code.Should().Be("pledge-withdrawn");
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{withdrawn}/withdrawal", new { on = "2026-02-02", reason = "again" }, 409)))
            .Code.Should().Be("pledge-withdrawn");
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{kept}/withdrawal", new { on = "2026-01-01", reason = "before" }, 422)))
            .Code.Should().Be("date-before-pledge");
        (await AllEvents()).Should().HaveCount(before);

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var receivables = await Get<ReceivablesAnswer>("/api/reports/receivables");
        var pledge = receivables.Pledges.Should().ContainSingle().Which;
        pledge.ContributionId.Should().Be(kept);
        pledge.AmountChf.Should().Be(5_000m);
        var today = Domain.Bounds.Today(Clock.GetUtcNow());
        pledge.DaysOutstanding.Should().Be(today.DayNumber - new DateOnly(2026, 1, 5).DayNumber);
        pledge.AgeBucket.Should().Be(pledge.DaysOutstanding switch { <= 90 => "Days0To90", <= 180 => "Days91To180", <= 365 => "Days181To365",
            _ => "Over365Days" });
        (await Get<FundingSourcesAnswer>("/api/reports/funding-sources?year=2026")).PledgedChf.Should().Be(5_000m);
        var csv = await (await Host.Scenario(s =>
        {
            s.Get.Url("/api/reports/receivables");
            s.WithRequestHeader("Accept", "text/csv");
            s.WithRequestHeader("Authorization", $"Bearer {office.Token}");
        })).ReadAsTextAsync();
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(l => l.Contains(",Pledge,2026-01-05",
            StringComparison.Ordinal))
            .Which.Should().Contain(kept.ToString());
        (await Get<LineItemsTotals>("/api/reports/line-items?year=2026")).Totals.PledgesOutstandingChf.Should().Be(5_000m);

        var iati = XDocument.Parse(await (await Send("GET", "/api/exports/iati?year=2026", await TokenFor("Auditor", "au-1"))).ReadAsTextAsync());
        var pledges = iati.Descendants("transaction").Where(t => t.Element("transaction-type")?.Attribute("code")?.Value == "13")
            .Select(t => decimal.Parse(t.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        pledges.Should().BeEquivalentTo([5_000m, 7_000m, -7_000m]);
    }

    [Fact]
    public async Task a_signed_agreement_is_amended_not_withdrawn()
    {
        var office = await Office();
        var donor = await office.Donor("Fondation S", "Foundation", null);
        var id = await office.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await office.Sign(id, 1_000m, "CHF");
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{id}/withdrawal", new { on = "2026-02-01", reason = "no" }, 409)))
            .Code.Should().Be("pledge-already-signed");
    }

    private object Amendment(decimal total, string signedOn = "2026-03-10", string currency = "USD", string reference = "AGR-1-A1") => new
    {
        signedOn,
        reference,
        reason = "Top-up agreed with the donor",
        amount = new { amount = total, currency },
        instalments = new[]
        {
            new { dueOn = "2026-01-31", amount = new { amount = 30_000m, currency } },
            new { dueOn = "2027-06-30", amount = new { amount = total - 30_000m, currency } },
        },
    };

    [Fact]
    public async Task an_amendment_restates_the_total_and_schedule_and_the_ledger_and_reports_follow_it()
    {
        var office = await Office();
        var donor = await office.Donor("Government of Testland", "Foundation", null);
        var id = await office.Pledge(donor, "OtherVoluntary", 100_000m, "USD");
        await office.Sign(id, 100_000m, "USD");
        await office.Receive(id, 30_000m, "USD", "2026-01-20", "R1");

        // Top-up to 150 000 USD: the change is valued at the agreement's rate (0.9), not March's (0.8).
        var topUp = await FinanceOffice.Read<Change>(await office.Send("POST", $"/api/contributions/{id}/amendments", Amendment(150_000m), 200));
        topUp.Contribution.Agreed!.Amount.Should().Be(150_000m);
        topUp.Contribution.AgreedChf.Should().Be(135_000m);
        topUp.Contribution.Receivable.Amount.Should().Be(120_000m);
        topUp.Contribution.ReceivableChf.Should().Be(108_000m);

        var full = await FinanceOffice.Read<FullContribution>(await office.Send("GET", $"/api/contributions/{id}", null, 200));
        full.Agreement!.Amendments.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Reference = "AGR-1-A1", SignedOn = "2026-03-10", Change = new MoneyAnswer(50_000m, "USD"), ChangeChf = 45_000m,
        });

        var trial = await office.TrialBalance();
        trial.ShouldBalance();
        trial.Balance(a => a.StartsWith("Assets:ContributionsReceivable", StringComparison.Ordinal)).Should().Be(108_000m);
        trial.Balance("NetAssets:Unrestricted").Should().Be(-(135_000m - 27_000m * 0.07m));

        // A reduction below what was received is refused; to 40 000 it leaves 10 000 receivable.
        var before = (await AllEvents()).Count;
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{id}/amendments", new
        {
            signedOn = "2026-03-11", reference = "AGR-1-A2", reason = "cut", amount = new { amount = 20_000m, currency = "USD" },
            instalments = new[] { new { dueOn = "2026-01-31", amount = new { amount = 20_000m, currency = "USD" } } },
        }, 422))).Code.Should().Be("amendment-below-received");
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{id}/amendments", Amendment(150_000m, currency: "EUR"), 422)))
            .Code.Should().Be("amendment-currency-must-match-agreement");
        (await ProblemOf(await office.Send("POST", $"/api/contributions/{id}/amendments", Amendment(150_000m, signedOn: "2026-03-01"), 422)))
            .Code.Should().Be("amendment-before-agreement");
        (await AllEvents()).Should().HaveCount(before);

        var cut = await FinanceOffice.Read<Change>(await office.Send("POST", $"/api/contributions/{id}/amendments",
            Amendment(40_000m, signedOn: "2026-03-12", reference: "AGR-1-A2"), 200));
        cut.Contribution.Receivable.Amount.Should().Be(10_000m);
        cut.Contribution.ReceivableChf.Should().Be(9_000m);

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        (await office.TrialBalance()).Balance(a => a.StartsWith("Assets:ContributionsReceivable", StringComparison.Ordinal)).Should().Be(9_000m);
        var receivables = await Get<ReceivablesAnswer>("/api/reports/receivables");
        receivables.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new { DueOn = "2027-06-30", OutstandingChf = 9_000m });
        (await Get<FundingSourcesAnswer>("/api/reports/funding-sources?year=2026")).AgreedChf.Should().Be(36_000m);

        var journal = await (await Send("GET", "/api/audit/journal?year=2026", await TokenFor("Auditor", "au-1"))).ReadAsTextAsync();
        journal.Should().Contain("AgreementAmended");

        var iati = XDocument.Parse(await (await Send("GET", "/api/exports/iati?year=2026", await TokenFor("Auditor", "au-1"))).ReadAsTextAsync());
        var commitments = iati.Descendants("transaction").Where(t => t.Element("transaction-type")?.Attribute("code")?.Value == "11")
            .Select(t => decimal.Parse(t.Element("value")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        commitments.Should().BeEquivalentTo([100_000m, 50_000m, -110_000m]);
    }

    [Fact]
    public async Task a_closed_year_is_not_closed_before_it_has_ended()
    {
        var fo = await TokenFor("FinanceOfficer", "fo-1");
        var year = Domain.Bounds.Today(Clock.GetUtcNow()).Year;
        var before = (await AllEvents()).Count;
        (await ProblemOf(await Send("POST", $"/api/periods/{year}/close", fo, expectedStatus: 409))).Code.Should().Be("period-not-ended");
        (await AllEvents()).Should().HaveCount(before);
        await Send("POST", $"/api/periods/{year - 1}/close", fo);
    }

    [Fact]
    public async Task a_rate_that_valued_money_is_fixed_and_an_unused_one_may_be_corrected()
    {
        var office = await Office();
        var donor = await office.Donor("Fondation R", "Foundation", null);
        var id = await office.Pledge(donor, "OtherVoluntary", 1_000m, "USD");
        await office.Sign(id, 1_000m, "USD");
        await office.Receive(id, 100m, "USD", "2026-03-05", "R1");
        await office.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 100m, currency = "USD" }, valueDate = "2026-03-06", bankReference = "R2", rateToChf = 0.85m,
                rateReason = "bank's rate" }, 201);

        (await ProblemOf(await office.Send("PUT", "/api/exchange-rates/USD/2026-01", new { rateToChf = 0.91m, source = "corrected" }, 409)))
            .Code.Should().Be("rate-in-use");
        (await ProblemOf(await office.Send("PUT", "/api/exchange-rates/USD/2026-03", new { rateToChf = 0.81m, source = "corrected" }, 409)))
            .Code.Should().Be("rate-in-use");

        await office.Rate("EUR", "2026-02", 0.95m);
        await office.Send("PUT", "/api/exchange-rates/EUR/2026-02", new { rateToChf = 0.96m, source = "corrected" }, 200);
        await using (var session = Store.QuerySession())
        {
            var eur = (await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName == "exchange_rate_recorded").ToListAsync())
                .Select(e => (Domain.ExchangeRates.ExchangeRateRecorded)e.Data).Where(r => r.Currency == "EUR").Select(r => r.RateToChf);
            eur.Should().Equal(0.95m, 0.96m);
        }

        var journal = await (await Send("GET", "/api/audit/journal?year=2026", await TokenFor("Auditor", "au-1"))).ReadAsTextAsync();
        journal.Should().Contain("P 2026-01-15 USD 0.9 CHF").And.Contain("P 2026-03-05 USD 0.8 CHF").And.Contain("P 2026-03-06 USD 0.85 CHF");
        journal.Should().NotContain("EUR 0.95");
    }

    private sealed record LineItemsTotals(TotalsAnswer Totals);

    private sealed record TotalsAnswer(decimal PledgesOutstandingChf);
}
