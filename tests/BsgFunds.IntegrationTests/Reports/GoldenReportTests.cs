using System.Globalization;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;
using static BsgFunds.IntegrationTests.Reports.GoldenScenario;

namespace BsgFunds.IntegrationTests.Reports;

public class GoldenReportTests(AppFixture app) : ApiTest(app)
{
    private async Task<GoldenScenario> Given()
    {
        var scenario = new GoldenScenario();
        await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return scenario;
    }

    private async Task<T> Get<T>(string url, string? role = "Auditor", Guid? donor = null) =>
        await ReadAs<T>(await Send("GET", url, await TokenFor(role!, "reader", donor)));

    [Fact]
    public async Task the_golden_scenario_gives_every_report_figure_exactly()
    {
        var s = await Given();

        // Line items: budget against actual. Pooled money sits on the line without programme or use.
        var items = await Get<LineItemsAnswer>($"/api/reports/line-items?year={Y}");
        items.Lines.Should().Equal(
            new LineAnswer(1, "AssistanceAndConsultation", 40_000m, 40_000m, 0m, 0m, 15_000m, 15_000m, 6_000m, 0m, 0m),
            // Foundation: 48 000 received, 3 360 PSC, 20 000 committed, 9 000 paid; 48 000 - 3 360 - 20 000 = 24 640 available.
            new LineAnswer(3, "Fellowship", 60_000m, 70_000m, 48_000m, 3_360m, 20_000m, 20_000m, 9_000m, 24_640m, 0m),
            // Pooled: US 52 800 + ITU (30 000 - 30 000 + 30 000); PSC 3 696; available US 49 104 + ITU (30 000 - 2 000 - 15 000); pledge 8 900.
            new LineAnswer(null, null, 0m, null, 82_800m, 3_696m, 0m, 0m, 0m, 62_104m, 8_900m));
        items.Totals.Should().Be(new LineAnswer(null, null, 100_000m, 110_000m, 130_800m, 7_056m, 35_000m, 35_000m, 15_000m, 86_744m, 8_900m));

        // Funding sources: pledged, agreed and received kept apart.
        var sources = await Get<FundingSourcesAnswer>($"/api/reports/funding-sources?year={Y}");
        sources.Lines.Should().Equal(
            new SourceAnswer("ItuAdditionalBudget", "ItuSecretariat", 30_000m, 30_000m, 30_000m, 1),
            new SourceAnswer("DevelopedCountryVoluntary", "MemberState", 98_900m, 90_000m, 52_800m, 2),
            new SourceAnswer("OtherVoluntary", "Foundation", 47_500m, 47_500m, 48_000m, 1));
        (sources.PledgedChf, sources.AgreedChf, sources.ReceivedChf).Should().Be((176_400m, 167_500m, 130_800m));

        // Participation: three fellowships (two women, one man) and one institution.
        var participation = await Get<ParticipationAnswer>($"/api/reports/participation?year={Y}");
        participation.Lines.Should().BeEquivalentTo(new[]
        {
            new ParticipationLineAnswer("Fellowships", "Country", "FJ", 1, 3_500m),
            new ParticipationLineAnswer("Fellowships", "Country", "SN", 1, 4_000m),
            new ParticipationLineAnswer("Fellowships", "Country", "TV", 1, 1_500m),
            new ParticipationLineAnswer("Fellowships", "CountryGroup", "Developing", 3, 9_000m),
            new ParticipationLineAnswer("Fellowships", "CountryGroup", "LDC", 2, 5_500m),
            new ParticipationLineAnswer("Fellowships", "CountryGroup", "SIDS", 2, 5_000m),
            new ParticipationLineAnswer("Fellowships", "Gender", "Female", 2, 5_500m),
            new ParticipationLineAnswer("Fellowships", "Gender", "Male", 1, 3_500m),
            new ParticipationLineAnswer("Fellowships", "Region", "Africa", 1, 4_000m),
            new ParticipationLineAnswer("Fellowships", "Region", "AsiaPacific", 2, 5_000m),
            new ParticipationLineAnswer("OtherBeneficiaries", "Country", "KE", 1, 6_000m),
            new ParticipationLineAnswer("OtherBeneficiaries", "CountryGroup", "Developing", 1, 6_000m),
            new ParticipationLineAnswer("OtherBeneficiaries", "Gender", "Unrecorded", 1, 6_000m),
            new ParticipationLineAnswer("OtherBeneficiaries", "Region", "Africa", 1, 6_000m),
        }, o => o.WithStrictOrdering());
        (participation.FellowshipsToWomen, participation.FellowshipsToMen, participation.WomenSharePercent).Should().Be((2, 1, 66.67m));

        // The Foundation's statement: its money paid for three fellowships, by region and country group.
        var statement = await Get<StatementAnswer>($"/api/reports/donors/{s.Foundation}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}");
        var c = statement.Contributions.Should().ContainSingle().Subject;
        c.Should().BeEquivalentTo(new
        {
            Status = "Received", Pledged = new MoneyValue(50_000m, "EUR"), PledgedChf = 47_500m, AgreedChf = 47_500m, OpeningBalanceChf = 0m,
            ReceivedChf = 48_000m, PscChf = 3_360m, ExchangeDifferencesChf = 500m, AllocatedChf = 20_000m, DisbursedChf = 9_000m, RefundsChf = 0m,
                ClosingBalanceChf = 24_640m,
        });
        c.Receipts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ValueDate = new DateOnly(Y, 4, 5), Amount = new MoneyValue(50_000m,
            "EUR"), RateToChf = 0.96m, AmountChf = 48_000m, PscChf = 3_360m, ExchangeDifferenceChf = 500m });
        c.Allocated.Should().Equal(new StatementUseAnswer(3, "Fellowship", 20_000m));
        c.Disbursed.Select(d => (d.CountryCode, d.Region, string.Join("+", d.CountryGroups), d.AmountChf)).Should().Equal(
            ("FJ", "AsiaPacific", "SIDS+Developing", 3_500m), ("SN", "Africa", "LDC+Developing", 4_000m), ("TV", "AsiaPacific",
                "LDC+SIDS+Developing", 1_500m));

        // The ITU's statement shows the mistaken receipt, its reversal, the right receipt, the refund and what its money paid.
        var itu = (await Get<StatementAnswer>($"/api/reports/donors/{s.Itu}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}")).Contributions.Single();
        itu.Receipts.Select(r => (r.AmountChf, r.BankReference, r.Reverses is not null)).Should().Equal((30_000m, "ITU-WRONG", false), (-30_000m,
            "ITU-WRONG", true), (30_000m, "ITU-1", false));
        itu.Should().BeEquivalentTo(new { ReceivedChf = 30_000m, RefundsChf = 2_000m, AllocatedChf = 15_000m, DisbursedChf = 6_000m,
            ClosingBalanceChf = 13_000m });

        // Receivables three years on: the US's USD 40 000 (CHF 36 000 at 0.90) across three instalments in three age buckets.
        var receivables = await Get<ReceivablesAnswer>($"/api/reports/receivables?asOf={Y + 3}-01-01T00:00:00Z");
        receivables.Lines.Select(l => (l.DueOn, l.Outstanding.Amount, l.OutstandingChf, l.DaysOverdue, l.AgeBucket)).Should().Equal(
            (new DateOnly(Y + 2, 8, 15), 15_000m, 13_500m, new DateOnly(Y + 3, 1, 1).DayNumber - new DateOnly(Y + 2, 8, 15).DayNumber, "Days91To180"),
            (new DateOnly(Y + 2, 12, 1), 15_000m, 13_500m, 31, "Days0To90"),
            (new DateOnly(Y + 3, 3, 1), 10_000m, 9_000m, 0, "NotDue"));
        receivables.TotalChf.Should().Be(36_000m);
        receivables.TotalsChfByBucket.Should().Contain(new Dictionary<string, decimal> { ["NotDue"] = 9_000m, ["Days0To90"] = 13_500m,
            ["Days91To180"] = 13_500m, ["Days181To365"] = 0m, ["Over365Days"] = 0m });

        // The implementation report holds them all, built from one book at one sequence.
        var implementation = await Get<ImplementationAnswer>($"/api/reports/implementation?year={Y}");
        implementation.LineItems.Totals.Should().Be(items.Totals);
        implementation.LastSequence.Should().Be(items.LastSequence);
        implementation.DonorStatements.Should().HaveCount(3);
        implementation.LastSequence.Should().Be((await AllEvents()).Max(e => e.Sequence));
    }

    [Fact]
    public async Task as_of_an_instant_reports_show_the_ledger_before_and_after_a_reversal_and_now_equals_the_present()
    {
        var s = await Given();
        var before = await Get<LineItemsAnswer>($"/api/reports/line-items?year={Y}&asOf={Uri.EscapeDataString(s.BeforeReversal.ToString("O"))}");
        var after = await Get<LineItemsAnswer>($"/api/reports/line-items?year={Y}&asOf={Uri.EscapeDataString(s.AfterReversal.ToString("O"))}");
        // Before the reversal the pooled line holds US 52 800 + the mistaken ITU 30 000; after it, only the US money.
        before.Lines.Single(l => l.Programme is null).ReceivedChf.Should().Be(82_800m);
        after.Lines.Single(l => l.Programme is null).ReceivedChf.Should().Be(52_800m);
        after.LastSequence.Should().BeGreaterThan(before.LastSequence);

        var beforeAnything = await Get<LineItemsAnswer>($"/api/reports/line-items?year={Y}&asOf=2000-01-01T00:00:00Z");
        beforeAnything.Lines.Should().BeEmpty();
        beforeAnything.LastSequence.Should().Be(0);

        foreach (var url in new[] { $"/api/reports/line-items?year={Y}", $"/api/reports/funding-sources?year={Y}",
            $"/api/reports/participation?year={Y}", $"/api/reports/implementation?year={Y}", "/api/reports/receivables",
            $"/api/reports/donors/{s.Foundation}/statement" })
        {
            var present = System.Text.Json.Nodes.JsonNode.Parse(await (await Send("GET", url,
                await TokenFor("Auditor"))).ReadAsTextAsync())!.AsObject();
            var asOf = DateTimeOffset.UtcNow.ToString("O");
            var replayed = System.Text.Json.Nodes.JsonNode.Parse(await (await Send("GET",
                $"{url}{(url.Contains('?') ? '&' : '?')}asOf={Uri.EscapeDataString(asOf)}",
                await TokenFor("Auditor"))).ReadAsTextAsync())!.AsObject();
            Strip(present);
            Strip(replayed);
            replayed.ToJsonString().Should().Be(present.ToJsonString(), $"{url} as of now equals the present-day report");
        }
    }

    // The instant a report describes differs between two calls; every figure must not.
    private static void Strip(System.Text.Json.Nodes.JsonNode node)
    {
        if (node is System.Text.Json.Nodes.JsonObject o)
        {
            o.Remove("asOf");
            o.Remove("to");
            foreach (var child in o.Select(p => p.Value).OfType<System.Text.Json.Nodes.JsonNode>().ToList()) Strip(child);
        }
        else if (node is System.Text.Json.Nodes.JsonArray a)
        {
            foreach (var child in a.OfType<System.Text.Json.Nodes.JsonNode>()) Strip(child);
        }
    }

    [Fact]
    public async Task a_donor_reads_only_its_own_statement_in_json_and_csv()
    {
        var s = await Given();
        var us = await TokenFor("Donor", "us-reader", s.UnitedStates);
        await Send("GET", $"/api/reports/donors/{s.UnitedStates}/statement", us);
        (await ProblemOf(await Send("GET", $"/api/reports/donors/{s.Foundation}/statement", us, expectedStatus: 404))).Status.Should().Be(404);
        var csv = await Host.Scenario(x =>
        {
            x.Get.Url($"/api/reports/donors/{s.Foundation}/statement?from={D(Y, 1, 1)}");
            x.WithRequestHeader("Authorization", $"Bearer {us}");
            x.WithRequestHeader("Accept", "text/csv");
            x.StatusCodeShouldBe(404);
        });
        (await csv.ReadAsTextAsync()).Should().NotContain(s.FoundationContribution.ToString());
        await Send("GET", $"/api/reports/donors/{Guid.NewGuid()}/statement", await TokenFor("Auditor"), expectedStatus: 404);
        await Send("GET", $"/api/reports/line-items?year={Y}", us, expectedStatus: 403);
    }

    [Fact]
    public async Task csv_has_a_header_and_one_row_per_line_and_parses_back_to_the_json_figures()
    {
        await Given();
        var token = await TokenFor("Auditor");
        var json = await ReadAs<LineItemsAnswer>(await Send("GET", $"/api/reports/line-items?year={Y}", token));
        var result = await Host.Scenario(x =>
        {
            x.Get.Url($"/api/reports/line-items?year={Y}");
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.WithRequestHeader("Accept", "text/csv");
        });
        result.Context.Response.ContentType.Should().StartWith("text/csv");
        var rows = CsvReader.Parse(await result.ReadAsTextAsync());
        var header = rows[0];
        rows.Should().HaveCount(1 + json.Lines.Count + 1, "a header, a row per line and the totals");
        decimal Cell(string[] row, string column) => decimal.Parse(row[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
        for (var i = 0; i < json.Lines.Count; i++)
        {
            Cell(rows[i + 1], "receivedChf").Should().Be(json.Lines[i].ReceivedChf);
            Cell(rows[i + 1], "availableChf").Should().Be(json.Lines[i].AvailableChf);
            Cell(rows[i + 1], "disbursedChf").Should().Be(json.Lines[i].DisbursedChf);
        }

        Cell(rows[^1], "availableChf").Should().Be(json.Totals.AvailableChf);

        foreach (var url in new[] { $"/api/reports/funding-sources?year={Y}", $"/api/reports/participation?year={Y}", "/api/reports/receivables",
            $"/api/reports/implementation?year={Y}" })
        {
            var answer = await Host.Scenario(x =>
            {
                x.Get.Url(url);
                x.WithRequestHeader("Authorization", $"Bearer {token}");
                x.WithRequestHeader("Accept", "text/csv");
            });
            var parsed = CsvReader.Parse(await answer.ReadAsTextAsync());
            parsed[0].Should().Contain(["asOf", "lastSequence"]);
            parsed.Skip(1).Should().OnlyContain(r => r.Length == parsed[0].Length, $"{url} rows have one cell per column");
        }
    }
}

/// <summary>A strict RFC 4180 reader, to prove the CSV is well formed.</summary>
public static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(ch);
        }

        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
