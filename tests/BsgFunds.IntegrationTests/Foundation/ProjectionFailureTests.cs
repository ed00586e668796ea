using System.Diagnostics;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using JasperFx.Events.Daemon;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace BsgFunds.IntegrationTests.Foundation;

public class ProjectionFailureTests(AppFixture app) : ApiTest(app)
{
    private const string LedgerShard = "LedgerBalances:All";

    [Fact]
    public async Task an_event_the_ledger_projection_cannot_read_pauses_it_and_the_ready_check_says_so()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Donor", "Foundation", null);
        var contribution = await fo.Pledge(donor, "OtherVoluntary", 100m, "CHF");
        await fo.Sign(contribution, 100m, "CHF");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        (await ReadyStatus()).Should().Be(200);

        // A receipt whose stored data cannot be read: Marten's default would skip it and the trial balance would silently miss it.
        await Sql($$"""
            insert into bsgfunds.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
            values (nextval('bsgfunds.mt_events_sequence'), gen_random_uuid(), '{{contribution}}', 999, '{"Amount": "not money"}',
                    'contribution_received', now(), '*DEFAULT*', 'BsgFunds.Domain.Contributions.ContributionReceived, BsgFunds.Domain')
            """);

        try
        {
            var status = await Eventually(async () => await ReadyStatus(), s => s == 503);
            status.Should().Be(503, "/health/ready must report the paused projection");
            var report = await (await Host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); })).ReadAsTextAsync();
            report.Should().Contain("LedgerBalances");
        }
        finally
        {
            // Events are append-only (the trigger refuses deletes): only a superuser who disables it can remove the bad row.
            await Sql($"""
                alter table bsgfunds.mt_events disable trigger mt_events_append_only;
                delete from bsgfunds.mt_events where stream_id = '{contribution}' and version = 999;
                alter table bsgfunds.mt_events enable trigger mt_events_append_only;
                """);
            var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
            await daemon.StopAgentAsync(LedgerShard);
            await daemon.StartAgentAsync(LedgerShard, CancellationToken.None);
        }

        (await Eventually(async () => await ReadyStatus(), s => s == 200)).Should().Be(200, "the projection recovers once the event is readable");
    }

    private async Task<int> ReadyStatus() =>
        (await Host.Scenario(s => { s.Get.Url("/health/ready"); s.IgnoreStatusCode(); })).Context.Response.StatusCode;

    private static async Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        var value = await probe();
        while (!done(value) && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
            value = await probe();
        }

        return value;
    }

    internal static async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Marten"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
