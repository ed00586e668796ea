using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Contributions;

/// <summary>GET /api/contributions/{id}/history: every event of a contribution with who recorded it, in which role, and when.</summary>
public class ContributionHistoryTests(AppFixture app) : ApiTest(app)
{
    private sealed record Entry(long Version, long Sequence, string Type, DateTimeOffset RecordedAt, string? By, string? Name, string? Role);

    private sealed record History(Guid ContributionId, List<Entry> Items);

    [Fact]
    public async Task staff_read_who_did_what_and_when_and_donors_and_unknown_ids_do_not()
    {
        var office = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "history-fo"));
        var donor = await office.Donor("History Donor", "Foundation", "CH");
        var id = await office.Pledge(donor, "OtherVoluntary", 8_000m, "CHF");
        await office.Sign(id, 8_000m, "CHF");
        await office.Receive(id, 3_000m, "CHF", "2026-01-20", "HIST-R-1");

        var answer = await Send("GET", $"/api/contributions/{id}/history", await TokenFor("TsbDirector", "history-tsb"));
        var history = await ReadAs<History>(answer);
        history.ContributionId.Should().Be(id);
        history.Items.Select(e => e.Type).Should().Equal("ContributionPledged", "AgreementSigned", "ContributionReceived");
        history.Items.Select(e => e.Version).Should().Equal(1, 2, 3);
        history.Items.Should().OnlyContain(e => e.By == "history-fo" && e.Role == "FinanceOfficer" && e.Sequence > 0);
        history.Items.Select(e => e.RecordedAt).Should().BeInAscendingOrder();
        answer.Context.Response.Headers.ETag.ToString().Should().Be("\"3\"");

        await Send("GET", $"/api/contributions/{id}/history", await TokenFor("Donor", "history-donor", donor), expectedStatus: 403);
        await Send("GET", $"/api/contributions/{Guid.NewGuid()}/history", await TokenFor("Auditor", "history-au"), expectedStatus: 404);
        await Send("GET", $"/api/contributions/{id}/history", null, expectedStatus: 401);
    }
}
