using System.Diagnostics;
using System.Xml.Linq;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;

namespace BsgFunds.IntegrationTests.InKind;

public sealed record InKindAnswer(
    Guid Id, Guid DonorId, string Kind, string Description, decimal ValueChf, DateOnly From, DateOnly To, int? Programme, string ValuationBasis,
    bool Recognised, string RecordedBy, DateOnly? ReversedOn, string? ReversalReason);

public sealed record InKindPage(List<InKindAnswer> Items, int Page, int PageSize, long Total);

public sealed record StatementInKindAnswer(
    Guid InKindId, string Kind, string Description, decimal ValueChf, DateOnly From, DateOnly To, int? Programme, string ValuationBasis,
    bool Recognised, DateOnly? ReversedOn);

public sealed record InKindStatementAnswer(long LastSequence, decimal ReceivedChf, List<StatementInKindAnswer> InKind);

public class InKindTests(AppFixture app) : ApiTest(app)
{
    private static object Goods(Guid donorId) => new
    {
        donorId, kind = "Goods", description = "Twenty laptops for the Nairobi test laboratory", valueChf = 18_400.50m, from = "2026-03-02",
        to = "2026-03-02", programme = 2, valuationBasis = "Supplier invoice of the donor, CHF 920.025 each",
    };

    private static object Services(Guid donorId) => new
    {
        donorId, kind = "Services", description = "Expert on IMT-2030 for a BSG workshop", valueChf = 12_600m, from = "2026-05-04",
        to = "2026-05-08", programme = (int?)null, valuationBasis = "UN common system expert daily rate 2 520 x 5 days",
    };

    [Fact]
    public async Task goods_and_services_in_kind_are_recorded_read_listed_and_reversed_once()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        var japan = await fo.Donor("Japan", "MemberState", "JP");
        var other = await fo.Donor("Fondation X", "Foundation", null);

        var created = await fo.Send("POST", "/api/in-kind", Goods(japan), 201);
        var goods = (await FinanceOffice.Read<IdAnswer>(created)).Id;
        created.Context.Response.Headers.Location.ToString().Should().Be($"/api/in-kind/{goods}");
        var services = (await FinanceOffice.Read<IdAnswer>(await fo.Send("POST", "/api/in-kind", Services(japan), 201))).Id;
        await fo.Send("POST", "/api/in-kind", Services(other), 201);

        var read = await ReadAs<InKindAnswer>(await Send("GET", $"/api/in-kind/{goods}", await TokenFor("ProgrammeOfficer")));
        read.Should().BeEquivalentTo(new
        {
            Id = goods, DonorId = japan, Kind = "Goods", ValueChf = 18_400.50m, From = new DateOnly(2026, 3, 2), Programme = 2, Recognised = true,
            RecordedBy = "fo-1", ReversedOn = (DateOnly?)null,
        });
        (await ReadAs<InKindAnswer>(await Send("GET", $"/api/in-kind/{services}", await TokenFor("Auditor")))).Recognised.Should().BeFalse();

        var japans = await ReadAs<InKindPage>(await Send("GET", $"/api/in-kind?donorId={japan}&year=2026", await TokenFor("Auditor")));
        japans.Items.Select(i => i.Id).Should().Equal(goods, services);
        (japans.Page, japans.PageSize, japans.Total).Should().Be((1, 100, 2L));
        (await ReadAs<InKindPage>(await Send("GET", "/api/in-kind?year=2025", await TokenFor("Auditor")))).Total.Should().Be(0);
        (await ReadAs<InKindPage>(await Send("GET", "/api/in-kind?pageSize=1&page=3", await TokenFor("TsbDirector")))).Should()
            .BeEquivalentTo(new { Page = 3, PageSize = 1, Total = 3L });

        // A Donor reads its own and nothing else, and records nothing.
        var donor = await TokenFor("Donor", "jp", japan);
        (await ReadAs<InKindPage>(await Send("GET", "/api/in-kind", donor))).Total.Should().Be(2);
        await Send("GET", $"/api/in-kind?donorId={other}", donor, expectedStatus: 404);
        await Send("GET", $"/api/in-kind/{goods}", await TokenFor("Donor", "x", other), expectedStatus: 404);
        await Send("POST", "/api/in-kind", donor, Goods(japan), expectedStatus: 403);

        var reversed = await ReadAs<InKindAnswer>(await fo.Send("POST", $"/api/in-kind/{goods}/reversal", new { reason = "Counted twice" }, 200));
        reversed.ReversedOn.Should().NotBeNull();
        reversed.ReversalReason.Should().Be("Counted twice");
        (await ProblemOf(await fo.Send("POST", $"/api/in-kind/{goods}/reversal", new { reason = "again" }, 409))).Code
            .Should().Be("in-kind-already-reversed");
        (await ProblemOf(await fo.Send("POST", $"/api/in-kind/{Guid.NewGuid()}/reversal", new { reason = "x" }, 404))).Code
            .Should().Be("in-kind-not-found");

        var events = await AllEvents();
        events.Count(e => e.EventTypeName == "in_kind_contribution_recorded").Should().Be(3);
        events.Single(e => e.EventTypeName == "in_kind_contribution_reversed").UserName.Should().Be("fo-1");
    }

    [Fact]
    public async Task a_retried_record_with_the_same_idempotency_key_answers_the_first_id_and_records_once()
    {
        var token = await TokenFor("FinanceOfficer");
        var japan = await new FinanceOffice(Host, token).Donor("Japan", "MemberState", "JP");
        async Task<Guid> Post() => (await ReadAs<IdAnswer>(await Host.Scenario(s =>
        {
            s.Post.Json(Goods(japan)).ToUrl("/api/in-kind");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.WithRequestHeader("Idempotency-Key", "in-kind-retry-1");
            s.StatusCodeShouldBe(201);
        }))).Id;
        (await Post()).Should().Be(await Post());
        (await AllEvents()).Count(e => e.EventTypeName == "in_kind_contribution_recorded").Should().Be(1);
    }

    [Theory]
    [InlineData("valueChf", 0d, null, null, 400, "amount-not-positive")]
    [InlineData("valueChf", 10.005, null, null, 400, "amount-too-precise")]
    [InlineData("valueChf", 1_000_000_000_000.01, null, null, 400, "amount-too-large")]
    [InlineData("to", null, "2999-01-01", null, 400, "date-out-of-range")]
    [InlineData("from", null, "1999-12-31", null, 400, "date-out-of-range")]
    [InlineData("to", null, "2026-01-01", null, 400, "period-reversed")]
    [InlineData("programme", 4d, null, null, 400, "programme-invalid")]
    [InlineData("valuationBasis", null, null, "", 400, "request-invalid")]
    [InlineData("description", null, null, "bad\u202Etext", 400, "text-not-allowed")]
    public async Task bad_input_is_refused_naming_the_field_and_nothing_is_written(string field, double? number, string? date, string? text,
        int status, string code)
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var japan = await fo.Donor("Japan", "MemberState", "JP");
        var body = new Dictionary<string, object?>
        {
            ["donorId"] = japan, ["kind"] = "Goods", ["description"] = "Laptops", ["valueChf"] = 100m, ["from"] = "2026-03-02", ["to"] = "2026-03-02",
            ["programme"] = 1, ["valuationBasis"] = "Invoice",
        };
        body[field] = number is { } n ? (object)(decimal)n : date ?? (object?)text;
        var problem = await ProblemOf(await fo.Send("POST", "/api/in-kind", body, status));
        problem.Code.Should().Be(code);
        (await AllEvents()).Should().NotContain(e => e.EventTypeName.StartsWith("in_kind", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_fact_dated_after_today_in_geneva_is_422_and_an_unknown_donor_404()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var japan = await fo.Donor("Japan", "MemberState", "JP");
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich"))
            .DateTime).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var future = new { donorId = japan, kind = "Services", description = "d", valueChf = 1m, from = "2026-03-02", to = tomorrow,
            valuationBasis = "b" };
        (await ProblemOf(await fo.Send("POST", "/api/in-kind", future, 422))).Code.Should().Be("date-in-future");
        (await ProblemOf(await fo.Send("POST", "/api/in-kind", Services(Guid.NewGuid()), 404))).Code.Should().Be("donor-not-found");
        (await ProblemOf(await fo.Send("POST", "/api/in-kind", new { donorId = japan, kind = "Cash", description = "d", valueChf = 1m,
            from = "2026-03-02", to = "2026-03-02", valuationBasis = "b" }, 400))).Code.Should().Be("json-invalid");
    }

    [Fact]
    public async Task the_donor_statement_lists_its_in_kind_items_as_of_any_instant_and_iati_carries_the_goods()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var japan = await fo.Donor("Japan", "MemberState", "JP");
        var goods = (await FinanceOffice.Read<IdAnswer>(await fo.Send("POST", "/api/in-kind", Goods(japan), 201))).Id;
        await fo.Send("POST", "/api/in-kind", Services(japan), 201);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var beforeReversal = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await fo.Send("POST", $"/api/in-kind/{goods}/reversal", new { reason = "Counted twice" }, 200);

        var url = $"/api/reports/donors/{japan}/statement?from=2026-01-01&to=2026-12-31";
        var donor = await TokenFor("Donor", "jp", japan);
        var now = await ReadAs<InKindStatementAnswer>(await Send("GET", url, donor));
        now.ReceivedChf.Should().Be(0m, "goods and services in kind bring no cash");
        now.InKind.Select(k => (k.Kind, k.ValueChf, k.Recognised, k.ReversedOn is not null)).Should().Equal(
            ("Goods", 18_400.50m, true, true), ("Services", 12_600m, false, false));
        now.InKind[1].ValuationBasis.Should().Be("UN common system expert daily rate 2 520 x 5 days");
        var asOf = $"{url}&asOf={Uri.EscapeDataString(beforeReversal.ToString("O"))}";
        var before = await ReadAs<InKindStatementAnswer>(await Send("GET", asOf, donor));
        before.InKind.Should().HaveCount(2).And.OnlyContain(k => k.ReversedOn == null);

        var csv = await (await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Authorization", $"Bearer {donor}");
            s.WithRequestHeader("Accept", "text/csv");
        })).ReadAsTextAsync();
        csv.Should().Contain(",InKindGoods,2026-03-02,Twenty laptops for the Nairobi test laboratory,18400.50,")
            .And.Contain(",InKindGoodsReversed,").And.Contain(",-18400.50,").And.Contain(",InKindServices,2026-05-08,");

        // IATI: the goods are incoming funds said to be goods in kind, then negative on the day of the reversal; the services,
        // having no IATI transaction, are stated in words on the fund's activity. The file still validates against the schema.
        var xml = await (await Send("GET", "/api/exports/iati?year=2026", await TokenFor("Auditor"))).ReadAsTextAsync();
        var fund = XDocument.Parse(xml).Descendants("iati-activity").First();
        var inKind = fund.Elements("transaction")
            .Where(t => t.Element("description")?.Value.Contains("Goods in kind", StringComparison.Ordinal) == true).ToList();
        inKind.Select(t => (t.Element("transaction-type")!.Attribute("code")!.Value, t.Element("value")!.Value)).Should().Equal(
            ("1", "18400.50"), ("1", "-18400.50"));
        fund.Elements("description").Should().Contain(d => (string?)d.Attribute("type") == "4" && d.Value.Contains("CHF 12600",
            StringComparison.Ordinal));
        var file = Path.Combine(Path.GetTempPath(), $"bsgfunds-iati-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml);
        try
        {
            var schema = Path.Combine(AppContext.BaseDirectory, "Iati", "schema", "iati-activities-schema.xsd");
            var start = new ProcessStartInfo("xmllint", $"--noout --schema {schema} {file}")
            {
                RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
