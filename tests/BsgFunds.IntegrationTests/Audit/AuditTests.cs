using System.Text.Json;
using BsgFunds.Audit;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Foundation;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Npgsql;
using Xunit;

namespace BsgFunds.IntegrationTests.Audit;

public class AuditTests(AppFixture app) : ApiTest(app)
{
    private sealed record DigestAnswer(long Sequence, string Hash, DateTimeOffset TakenAt);

    private sealed record VerificationAnswer(bool Intact, long Sequence, string Hash, string RecomputedHash, long? FirstBrokenSequence,
        string Detail);

    /// <summary>A short history: rates, a donor, a contribution with an agreement and two receipts.</summary>
    private async Task<FinanceOffice> History()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await fo.Rate("USD", "2026-01", 0.9m);
        var donor = await fo.Donor("Acme", "SectorMember", "SE");
        var id = await fo.Pledge(donor, "PrivateSectorVoluntary", 10_000m, "USD");
        await fo.Sign(id, 10_000m, "USD");
        await fo.Receive(id, 4_000m, "USD", "2026-01-20", "R1");
        await fo.Receive(id, 1_000m, "USD", "2026-01-25", "R2");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        return fo;
    }

    private async Task<DigestAnswer> Digest() => await ReadAs<DigestAnswer>(await Send("GET", "/api/audit/digest", await TokenFor("Auditor")));

    private async Task<VerificationAnswer> Verify(DigestAnswer digest) =>
        await ReadAs<VerificationAnswer>(await Send("POST", "/api/audit/verify", await TokenFor("Auditor"), new { digest.Sequence, digest.Hash }));

    private static Task Tamper(string sql) => ProjectionFailureTests.Sql($"""
        alter table bsgfunds.mt_events disable trigger mt_events_append_only;
        {sql};
        alter table bsgfunds.mt_events enable trigger mt_events_append_only;
        """);

    [Fact]
    public async Task an_untouched_ledger_verifies_against_its_digest()
    {
        await History();
        var digest = await Digest();
        digest.Sequence.Should().Be((await AllEvents()).Max(e => e.Sequence));
        digest.Hash.Should().MatchRegex("^[0-9a-f]{64}$");
        var verification = await Verify(digest);
        verification.Intact.Should().BeTrue(verification.Detail);
        verification.RecomputedHash.Should().Be(digest.Hash);

        var forged = await Verify(digest with { Hash = new string('a', 64) });
        forged.Intact.Should().BeFalse();
    }

    [Fact]
    public async Task one_byte_changed_in_one_events_data_is_found_at_its_sequence()
    {
        await History();
        var digest = await Digest();
        var target = (await AllEvents()).Single(e => e.Data is Domain.Contributions.ContributionReceived r && r.BankReference == "R1").Sequence;
        await Tamper($"update bsgfunds.mt_events set data = jsonb_set(data, '{{BankReference}}', '\"R7\"') where seq_id = {target}");

        var verification = await Verify(digest);
        verification.Intact.Should().BeFalse();
        verification.FirstBrokenSequence.Should().Be(target);
    }

    [Fact]
    public async Task a_deleted_event_is_found_at_its_sequence()
    {
        await History();
        var digest = await Digest();
        var target = (await AllEvents()).Single(e => e.Data is Domain.Donors.DonorRegistered).Sequence;
        await Tamper($"delete from bsgfunds.mt_events where seq_id = {target}");

        (await Verify(digest)).FirstBrokenSequence.Should().Be(target);
    }

    [Fact]
    public async Task two_events_reordered_are_found_at_the_first_of_them()
    {
        await History();
        var digest = await Digest();
        var receipts = (await AllEvents()).Where(e => e.Data is Domain.Contributions.ContributionReceived).Select(e => e.Sequence).ToList();
        var (a, b) = (receipts[0], receipts[1]);
        await Tamper($"""
            update bsgfunds.mt_events set seq_id = -1 where seq_id = {a};
            update bsgfunds.mt_events set seq_id = {a} where seq_id = {b};
            update bsgfunds.mt_events set seq_id = {b} where seq_id = -1
            """);

        (await Verify(digest)).FirstBrokenSequence.Should().Be(a);
    }

    [Fact]
    public async Task the_applications_role_cannot_update_or_delete_events()
    {
        await History();
        await ProjectionFailureTests.Sql("""
            do $$ begin
              if not exists (select from pg_roles where rolname = 'bsgfunds_app_test') then create role bsgfunds_app_test login; end if;
            end $$;
            grant usage on schema bsgfunds to bsgfunds_app_test;
            grant select, insert, update, delete on all tables in schema bsgfunds to bsgfunds_app_test;
            revoke update, delete, truncate on bsgfunds.mt_events from bsgfunds_app_test;
            """);
        var asApp = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Marten"))
        {
            Username = "bsgfunds_app_test", Pooling = false,
        }.ConnectionString;

        async Task<PostgresException> Refused(string sql)
        {
            await using var connection = new NpgsqlConnection(asApp);
            await connection.OpenAsync();
            var act = async () => await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
            return (await act.Should().ThrowAsync<PostgresException>()).Which;
        }

        (await Refused("update bsgfunds.mt_events set data = '{}' where seq_id > 0")).SqlState.Should().Be("42501");
        (await Refused("delete from bsgfunds.mt_events where seq_id > 0")).SqlState.Should().Be("42501");

        // Even a superuser is refused by the trigger while it is enabled.
        var superuser = async () => await ProjectionFailureTests.Sql("delete from bsgfunds.mt_events where seq_id > 0");
        (await superuser.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await AllEvents()).Should().NotBeEmpty();
    }

    [Fact]
    public async Task the_export_carries_metadata_and_hashes_and_the_offline_tool_verifies_it_and_recomputes_the_trial_balance()
    {
        var fo = await History();
        var digest = await Digest();
        var auditor = await TokenFor("Auditor");

        var page = JsonDocument.Parse(await (await Send("GET", "/api/audit/events?after=0&limit=2", auditor)).ReadAsTextAsync()).RootElement;
        page.GetProperty("events").GetArrayLength().Should().Be(2);
        var first = page.GetProperty("events")[0];
        first.GetProperty("sequence").GetInt64().Should().Be(1);
        first.GetProperty("user").GetString().Should().Be("fo-1");
        first.GetProperty("headers").GetProperty("role").GetString().Should().Be("FinanceOfficer");
        first.GetProperty("correlationId").GetString().Should().NotBeNullOrEmpty();
        first.GetProperty("hash").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        page.GetProperty("next").GetInt64().Should().Be(2);

        var ndjson = await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/events");
            s.WithRequestHeader("Authorization", $"Bearer {auditor}");
            s.WithRequestHeader("Accept", "application/x-ndjson");
        });
        ndjson.Context.Response.ContentType.Should().StartWith("application/x-ndjson");
        var file = Path.Combine(Path.GetTempPath(), $"bsgfunds-export-{Guid.NewGuid():N}.ndjson");
        await File.WriteAllTextAsync(file, await ndjson.ReadAsTextAsync());
        try
        {
            var output = new StringWriter();
            var exit = await AuditTool.RunAsync(["--export", file, "--sequence",
                digest.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hash", digest.Hash], output);
            exit.Should().Be(0, output.ToString());
            output.ToString().Should().Contain($"Chain intact up to sequence {digest.Sequence}");

            var offline = AuditTool.TrialBalanceOf(File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement).Select(e =>
                new Domain.Audit.ChainedEvent(
                    e.GetProperty("sequence").GetInt64(), e.GetProperty("streamId").GetGuid(), e.GetProperty("version").GetInt64(),
                    e.GetProperty("type").GetString()!,
                    DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    e.GetProperty("data").GetRawText(), null, null, null)));
            var online = await fo.TrialBalance();
            offline.Accounts.Values.Select(a => (a.Account, a.BalanceChf)).Should().BeEquivalentTo(online.Accounts.Select(a => (a.Account,
                a.BalanceChf)));

            var tamperedFile = file + ".tampered";
            await File.WriteAllLinesAsync(tamperedFile, File.ReadAllLines(file).Select(l => l.Replace("\"R2\"", "\"R3\"", StringComparison.Ordinal)));
            var tamperedOutput = new StringWriter();
            (await AuditTool.RunAsync(["--export", tamperedFile, "--sequence",
                digest.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hash", digest.Hash], tamperedOutput)).Should().Be(1);
            tamperedOutput.ToString().Should().Contain("BROKEN");
            File.Delete(tamperedFile);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
