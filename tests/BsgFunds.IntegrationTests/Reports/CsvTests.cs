using System.Globalization;
using BsgFunds.Api.Reports;
using BsgFunds.Domain.Reports;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;
using static BsgFunds.IntegrationTests.Reports.GoldenScenario;

namespace BsgFunds.IntegrationTests.Reports;

public class CsvTests(AppFixture app) : ApiTest(app)
{
    private const string Formula = "=HYPERLINK(\"http://x\")";

    private async Task<List<string[]>> Csv(string url, string token)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.WithRequestHeader("Accept", "text/csv");
        });
        result.Context.Response.ContentType.Should().StartWith("text/csv");
        return CsvReader.Parse(await result.ReadAsTextAsync());
    }

    private static string Cell(List<string[]> rows, string[] row, string column) => row[Array.IndexOf(rows[0], column)];

    private async Task<(Guid Donor, Guid Contribution)> DonorWithFormulas(FinanceOffice fo)
    {
        var donor = await fo.Donor(Formula, "Foundation", null);
        var id = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = D(Y, 1, 15),
            reference = "@SUM(1)",
            amount = new { amount = 1_000m, currency = "CHF" },
            instalments = new[] { new { dueOn = D(Y, 6, 30), amount = new { amount = 1_000m, currency = "CHF" } } },
            conditions = Array.Empty<object>(),
        }, 200);
        var wrong = await fo.Receive(id, 400m, "CHF", D(Y, 2, 1), "+1");
        await fo.Send("POST", $"/api/contributions/{id}/reversals", new { eventSequence = wrong.EventSequence, reason = "-2" }, 201);
        await fo.Receive(id, 300m, "CHF", D(Y, 2, 2), "+1");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return (donor, id);
    }

    [Fact]
    public async Task text_that_a_spreadsheet_would_run_comes_back_quoted_and_negative_amounts_stay_numbers()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var (donor, _) = await DonorWithFormulas(fo);
        var auditor = await TokenFor("Auditor");

        var statement = await Csv($"/api/reports/donors/{donor}/statement?from={D(Y, 1, 1)}&to={D(Y, 12, 31)}", auditor);
        var lines = statement.Skip(1).ToList();
        lines.Should().OnlyContain(r => Cell(statement, r, "donorName") == "'" + Formula);
        Cell(statement, lines.Single(r => Cell(statement, r, "line") == "Contribution"), "reference").Should().Be("'@SUM(1)");
        var receipts = lines.Where(r => Cell(statement, r, "line") == "Receipt").ToList();
        receipts.Select(r => Cell(statement, r, "reference")).Should().Equal("'+1", "'+1", "'+1");
        receipts.Select(r => decimal.Parse(Cell(statement, r, "amountChf"), CultureInfo.InvariantCulture)).Should().Equal(400m, -400m, 300m);
        receipts.Select(r => decimal.Parse(Cell(statement, r, "amountOriginal"), CultureInfo.InvariantCulture)).Should().Contain(-400m);

        var receivables = await Csv("/api/reports/receivables", auditor);
        var line = receivables.Should().HaveCount(2).And.Subject.Last();
        Cell(receivables, line, "donorName").Should().Be("'" + Formula);
        Cell(receivables, line, "reference").Should().Be("'@SUM(1)");
        decimal.Parse(Cell(receivables, line, "outstandingChf"), CultureInfo.InvariantCulture).Should().Be(700m);
    }

    [Fact]
    public async Task the_trial_balance_answers_csv_with_the_balances_of_its_json()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        await DonorWithFormulas(fo);
        var json = await fo.TrialBalance();
        var rows = await Csv("/api/reports/trial-balance", fo.Token);

        rows[0].Should().Equal("asOf", "lastSequence", "account", "debitsChf", "creditsChf", "balanceChf", "balanceByCurrency");
        json.Accounts.Should().NotBeEmpty();
        rows.Skip(1).Select(r => (Cell(rows, r, "account"), decimal.Parse(Cell(rows, r, "balanceChf"), CultureInfo.InvariantCulture)))
            .Should().Equal(json.Accounts.Select(a => (a.Account, a.BalanceChf)));
        rows.Skip(1).Should().Contain(r => Cell(rows, r, "balanceChf").StartsWith('-'), "credit balances are negative numbers, never prefixed");
        rows.Skip(1).Select(r => long.Parse(Cell(rows, r, "lastSequence"), CultureInfo.InvariantCulture))
            .Should().AllBeEquivalentTo(json.LastSequence);
    }

    [Fact]
    public async Task an_empty_report_still_has_its_header_row()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("No money yet", "Foundation", null);
        var auditor = await TokenFor("Auditor");
        const string year = "2001";

        string[] Header(params string[] columns) => ["asOf", "lastSequence", .. columns];
        var expected = new Dictionary<string, string[]>
        {
            [$"/api/reports/participation?year={year}"] = Header("year", "beneficiaries", "dimension", "key", "count", "amountChf"),
            [$"/api/reports/funding-sources?year={year}"] =
                Header("year", "source", "donorType", "pledgedChf", "agreedChf", "receivedChf", "contributions"),
            ["/api/reports/receivables"] = Header("donorId", "donorName", "contributionId", "reference", "dueOn", "instalmentAmount", "currency",
                "outstandingAmount", "outstandingChf", "daysOverdue", "ageBucket", "line", "pledgedOn"),
            [$"/api/reports/donors/{donor}/statement"] = Header("donorId", "donorName", "contributionId", "line", "on", "reference", "amountChf",
                "amountOriginal", "currency", "rateToChf", "pscChf", "exchangeDifferenceChf", "programme", "use", "region", "openingBalanceChf"),
            ["/api/reports/trial-balance"] = Header("account", "debitsChf", "creditsChf", "balanceChf", "balanceByCurrency"),
        };
        foreach (var (url, header) in expected)
        {
            var rows = await Csv(url, auditor);
            rows.Should().HaveCount(1, $"{url} has no lines, only its header");
            rows[0].Should().Equal(header, url);
        }

        // Line items always carry their totals row; the combined report still names every part's columns.
        var items = await Csv($"/api/reports/line-items?year={year}", auditor);
        items[0].Should().Contain(["year", "line", "programme", "use", "budgetOriginalChf", "availableChf", "pledgesOutstandingChf"]);
        var implementation = await Csv($"/api/reports/implementation?year={year}", auditor);
        implementation[0].Should().StartWith(["asOf", "lastSequence", "report", "year", "line"])
            .And.Contain(["beneficiaries", "source", "ageBucket", "donorName", "openingBalanceChf"]);
    }
}

/// <summary>The CSV writer alone: which cells are text, and how they are neutralised and quoted.</summary>
public class CsvWriterTests
{
    private enum Kind
    {
        Plain,
    }

    private sealed record Row(string Text, decimal Amount, int Count, DateOnly On, Kind Kind);

    private sealed record Report(IReadOnlyList<Row> Lines) : IReport<Row>
    {
        public DateTimeOffset AsOf => new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

        public long LastSequence => 42;

        public IEnumerable<Row> Rows() => Lines;
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+41 22 730 51 11", "'+41 22 730 51 11")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("=A1,\"x\"", "\"'=A1,\"\"x\"\"\"")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    public void a_text_cell_that_starts_a_formula_is_prefixed_and_then_quoted(string text, string cell)
    {
        var csv = Csv.Write(new Report([new Row(text, -12.50m, -3, new DateOnly(2026, 1, 2), Kind.Plain)]));
        csv.Should().Be("asOf,lastSequence,text,amount,count,on,kind\r\n" + $"2026-11-30T12:00:00Z,42,{cell},-12.50,-3,2026-01-02,Plain\r\n");
    }

    [Fact]
    public void an_empty_report_is_its_header_row()
    {
        Csv.Write(new Report([])).Should().Be("asOf,lastSequence,text,amount,count,on,kind\r\n");
    }
}
