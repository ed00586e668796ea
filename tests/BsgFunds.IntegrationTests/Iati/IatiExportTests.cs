using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Reports;
using FluentAssertions;
using Marten.Events;
using Xunit;
using static BsgFunds.IntegrationTests.Reports.GoldenScenario;

namespace BsgFunds.IntegrationTests.Iati;

public class IatiExportTests(AppFixture app) : ApiTest(app)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Iati");

    // Every coded attribute the export writes, and the official codelist its values come from.
    private static readonly (string Element, string Attribute, string Codelist, Func<XElement, bool> When)[] Coded =
    [
        ("iati-activities", "version", "Version", _ => true),
        ("iati-activity", "default-currency", "Currency", _ => true),
        ("reporting-org", "type", "OrganisationType", _ => true),
        ("participating-org", "type", "OrganisationType", _ => true),
        ("participating-org", "role", "OrganisationRole", _ => true),
        ("provider-org", "type", "OrganisationType", _ => true),
        ("description", "type", "DescriptionType", e => e.Parent?.Name == "iati-activity"),
        ("activity-status", "code", "ActivityStatus", _ => true),
        ("activity-date", "type", "ActivityDateType", _ => true),
        ("recipient-country", "code", "Country", _ => true),
        ("recipient-region", "vocabulary", "RegionVocabulary", _ => true),
        ("sector", "vocabulary", "SectorVocabulary", _ => true),
        ("sector", "code", "Sector", e => (string?)e.Attribute("vocabulary") == "1"),
        ("policy-marker", "vocabulary", "PolicyMarkerVocabulary", _ => true),
        ("policy-marker", "code", "PolicyMarker", _ => true),
        ("policy-marker", "significance", "PolicySignificance", _ => true),
        ("budget", "type", "BudgetType", _ => true),
        ("budget", "status", "BudgetStatus", _ => true),
        ("value", "currency", "Currency", _ => true),
        ("transaction-type", "code", "TransactionType", _ => true),
        ("aid-type", "vocabulary", "AidTypeVocabulary", _ => true),
        ("aid-type", "code", "EarmarkingCategory", e => (string?)e.Attribute("vocabulary") == "2"),
        ("related-activity", "type", "RelatedActivityType", _ => true),
    ];

    private async Task<(GoldenScenario Scenario, string Xml)> Export()
    {
        var scenario = new GoldenScenario();
        await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var result = await Send("GET", $"/api/exports/iati?year={Y}", await TokenFor("Auditor", "iati-reader"));
        result.Context.Response.ContentType.Should().StartWith("application/xml");
        return (scenario, await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task the_export_validates_against_the_official_iati_2_03_schema_with_xmllint()
    {
        var (_, xml) = await Export();
        var file = Path.Combine(Path.GetTempPath(), $"bsgfunds-iati-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, xml);
        try
        {
            var (exit, output) = await Xmllint($"--noout --schema {Path.Combine(Folder, "schema", "iati-activities-schema.xsd")} {file}");
            output.Should().Contain("validates");
            exit.Should().Be(0, output);

            // The validator does reject what breaks the schema: a transaction without its type.
            var broken = XDocument.Parse(xml);
            broken.Descendants("transaction-type").First().Remove();
            await File.WriteAllTextAsync(file, broken.ToString());
            (await Xmllint($"--noout --schema {Path.Combine(Folder, "schema", "iati-activities-schema.xsd")} {file}")).Exit.Should().NotBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task every_code_in_the_export_is_on_its_official_codelist_and_not_withdrawn()
    {
        var (_, xml) = await Export();
        var document = XDocument.Parse(xml);
        var checkedCodes = 0;
        foreach (var (element, attribute, codelist, when) in Coded)
        {
            var active = Codes(codelist);
            foreach (var e in document.Descendants(element).Where(when))
            {
                var value = (string?)e.Attribute(attribute);
                if (value is null) continue;
                active.Should().Contain(value, $"{element}/@{attribute} is a code of {codelist}");
                checkedCodes++;
            }
        }

        var languages = Codes("Language");
        foreach (var lang in document.Descendants().Attributes(XNamespace.Xml + "lang")) languages.Should().Contain(lang.Value);
        checkedCodes.Should().BeGreaterThan(100);
    }

    [Fact]
    public async Task the_export_carries_the_years_money_by_iati_transaction_type_and_names_no_payee()
    {
        var (s, xml) = await Export();
        var document = XDocument.Parse(xml);
        var activities = document.Root!.Elements("iati-activity").ToList();
        activities.Select(a => (string)a.Element("iati-identifier")!).Should().Equal("XM-DAC-41303-BSG", "XM-DAC-41303-BSG-P1",
            "XM-DAC-41303-BSG-P2", "XM-DAC-41303-BSG-P3");
        var fund = activities[0];
        var programmes = activities.Skip(1).ToList();

        static decimal Sum(IEnumerable<XElement> activities, string type, string? currency = "CHF") => activities.Elements("transaction")
            .Where(t => (string)t.Element("transaction-type")!.Attribute("code")! == type
                && (currency is null || (string)t.Element("value")!.Attribute("currency")! == currency))
            .Sum(t => decimal.Parse(t.Element("value")!.Value, CultureInfo.InvariantCulture));

        // Same figures as the reports (GoldenReportTests): CHF 35 000 committed, CHF 15 000 paid, of which CHF 6 000 to an institution.
        Sum(programmes, "2").Should().Be(35_000m);
        Sum(programmes, "3").Should().Be(6_000m);
        Sum(programmes, "4").Should().Be(9_000m);
        // ITU's CHF (the only CHF contribution): 30 000 received, the mistaken 30 000 and its reversal net to zero, 2 000 refunded.
        Sum([fund], "1").Should().Be(30_000m - 2_000m);
        Sum([fund], "13", currency: null).Should().BeGreaterThan(0m);
        Sum([fund], "11", currency: null).Should().BeGreaterThan(0m);
        fund.Elements("transaction").Where(t => (string)t.Element("transaction-type")!.Attribute("code")! == "1")
            .Should().OnlyContain(t => t.Elements("aid-type").Any(a => (string)a.Attribute("vocabulary")! == "2"),
                "incoming funds state their earmarking category");

        var fellowships = programmes.Single(p => ((string)p.Element("iati-identifier")!).EndsWith("-P3", StringComparison.Ordinal));
        fellowships.Elements("recipient-country").Select(c => (string)c.Attribute("code")!).Should().BeEquivalentTo("FJ", "SN", "TV");
        fellowships.Elements("recipient-country").Sum(c => decimal.Parse((string)c.Attribute("percentage")!,
            CultureInfo.InvariantCulture)).Should().Be(100m);
        fellowships.Elements("recipient-region").Where(r => (string)r.Attribute("vocabulary")! == "99")
            .Sum(c => decimal.Parse((string)c.Attribute("percentage")!, CultureInfo.InvariantCulture)).Should().Be(100m);
        fellowships.Elements("budget").Select(b => ((string)b.Attribute("type")!, b.Element("value")!.Value)).Should().Equal(("1", "60000"), ("2",
            "70000"));
        fellowships.Elements("participating-org").Where(o => (string)o.Attribute("role")! == "1").Should().NotBeEmpty();
        fund.Elements("related-activity").Should().HaveCount(3);

        // Fellows are people: their names and person ids are never published.
        xml.Should().NotContain("Diop").And.NotContain("Rabuka").And.NotContain("Teo").And.NotContain("SN-1");
    }

    [Fact]
    public async Task a_donor_may_not_read_the_export_and_the_year_is_required()
    {
        var donorToken = await TokenFor("Donor", "donor-user", Guid.NewGuid());
        await Send("GET", "/api/exports/iati?year=2026", donorToken, expectedStatus: 403);
        var problem = await ProblemOf(await Send("GET", "/api/exports/iati", await TokenFor("Auditor"), expectedStatus: 400));
        problem.Detail.Should().Contain("year");
    }

    private static HashSet<string> Codes(string codelist)
    {
        var list = XDocument.Load(Path.Combine(Folder, "codelists", $"{codelist}.xml"));
        return list.Descendants("codelist-item").Where(i => (string?)i.Attribute("status") != "withdrawn")
            .Select(i => i.Element("code")!.Value.Trim()).ToHashSet();
    }

    private static async Task<(int Exit, string Output)> Xmllint(string arguments)
    {
        var start = new ProcessStartInfo("xmllint", arguments) { RedirectStandardError = true, RedirectStandardOutput = true,
            UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
