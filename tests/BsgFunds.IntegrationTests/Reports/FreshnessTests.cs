using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Reports;

public class FreshnessTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_report_read_right_after_a_command_already_includes_it()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Donor", "Foundation", null);
        var id = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Sign(id, 1_000m, "CHF", $"{DateTime.UtcNow.Year}-01-10");
        var receipt = await fo.Receive(id, 400m, "CHF", $"{DateTime.UtcNow.Year}-01-20", "R1");

        // No waiting for the daemon here: the reads wait for it themselves.
        var tb = await fo.TrialBalance();
        tb.LastSequence.Should().Be(receipt.EventSequence);
        tb.Balance("Assets:Cash").Should().Be(400m);

        var items = await ReadAs<LineItemsAnswer>(await Send("GET", $"/api/reports/line-items?year={DateTime.UtcNow.Year}",
            await TokenFor("Auditor")));
        items.LastSequence.Should().Be(receipt.EventSequence);
        items.Totals.ReceivedChf.Should().Be(400m);

        var digest = System.Text.Json.JsonDocument.Parse(await (await Send("GET", "/api/audit/digest",
            await TokenFor("Auditor"))).ReadAsTextAsync()).RootElement;
        digest.GetProperty("sequence").GetInt64().Should().Be(receipt.EventSequence);
    }
}
