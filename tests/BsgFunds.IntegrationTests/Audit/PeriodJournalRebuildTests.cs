using System.Diagnostics;
using System.Globalization;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Reports;
using FluentAssertions;
using Marten.Events;
using Npgsql;
using Xunit;

namespace BsgFunds.IntegrationTests.Audit;

public class PeriodJournalRebuildTests(AppFixture app) : ApiTest(app)
{
    private sealed record PeriodAnswer(int Year, string Status, string RequestedBy, string? ApprovedBy, long? DigestSequence, string? DigestHash);

    [Fact]
    public async Task a_closed_year_is_sealed_with_its_digest_and_refuses_anything_dated_in_it()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await fo.Rate("USD", "2024-12", 0.9m);
        var donor = await fo.Donor("Donor", "Foundation", null);
        var contribution = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Sign(contribution, 1_000m, "CHF", "2024-12-01");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var tsb = await TokenFor("TsbDirector", "tsb");
        (await ProblemOf(await Send("POST", "/api/periods/2024/close", tsb, expectedStatus: 409))).Code.Should().Be("period-close-not-requested");
        (await ReadAs<PeriodAnswer>(await Send("POST", "/api/periods/2024/close", await TokenFor("FinanceOfficer",
            "fo-1")))).Status.Should().Be("CloseRequested");
        (await ProblemOf(await Send("POST", "/api/periods/2024/close", await TokenFor("FinanceOfficer", "fo-2"),
            expectedStatus: 409))).Code.Should().Be("period-close-already-requested");
        var closed = await ReadAs<PeriodAnswer>(await Send("POST", "/api/periods/2024/close", tsb));
        closed.Should().Match<PeriodAnswer>(p => p.Status == "Closed" && p.ApprovedBy == "tsb" && p.RequestedBy == "fo-1" && p.DigestSequence > 0
            && p.DigestHash!.Length == 64);

        var count = (await AllEvents()).Count;
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{contribution}/receipts",
            new { amount = new { amount = 100m, currency = "CHF" }, valueDate = "2024-12-20", bankReference = "LATE" },
                409))).Code.Should().Be("period-closed");
        (await ProblemOf(await fo.Send("PUT", "/api/exchange-rates/USD/2024-11", new { rateToChf = 0.9m, source = "UN" },
            409))).Code.Should().Be("period-closed");
        (await ProblemOf(await fo.Send("POST", "/api/contributions",
            new { donorId = donor, source = "OtherVoluntary", amount = new { amount = 1m, currency = "CHF" }, pledgedOn = "2024-06-01" },
                409))).Code.Should().Be("period-closed");
        (await AllEvents()).Should().HaveCount(count);

        // The correction goes into the open year.
        (await fo.Receive(contribution, 100m, "CHF", $"{DateTime.UtcNow.Year}-01-05", "IN-OPEN-YEAR")).Contribution.ReceivedChf.Should().Be(100m);
    }

    [Fact]
    public async Task the_journal_passes_hledger_and_ledger_cli_strict_checks_and_both_balance_to_the_trial_balance()
    {
        var scenario = new GoldenScenario();
        await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        var journal = await (await Send("GET", $"/api/audit/journal?year={GoldenScenario.Y}", await TokenFor("Auditor"))).ReadAsTextAsync();
        journal.Should().Contain("commodity CHF").And.Contain("P ").And.Contain("Assets:Cash");
        // Neither tool checks that a price's commodity is declared (hledger 1.25 --strict, ledger 3.3 --pedantic), so check it here.
        var lines = journal.Split('\n');
        var declared = lines.Where(l => l.StartsWith("commodity ", StringComparison.Ordinal)).Select(l => l["commodity ".Length..].Trim());
        var priced = lines.Where(l => l.StartsWith("P ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).Distinct();
        priced.Should().Contain(["USD", "EUR"]).And.BeSubsetOf(declared);

        var file = Path.Combine(Path.GetTempPath(), $"bsgfunds-{Guid.NewGuid():N}.journal");
        await File.WriteAllTextAsync(file, journal);
        try
        {
            var check = await Run("hledger", "-f", file, "check", "--strict");
            check.Exit.Should().Be(0, check.Error);

            var hledgerBalance = await Run("hledger", "-f", file, "bal", "--flat", "--no-total", "-O", "csv");
            hledgerBalance.Exit.Should().Be(0, hledgerBalance.Error);
            var hledger = CsvReader.Parse(hledgerBalance.Output.ReplaceLineEndings("\r\n")).Skip(1)
                .Where(r => r.Length == 2)
                .ToDictionary(r => r[0], r => Chf(r[1]));

            // --pedantic makes an undeclared account or commodity an error, --strict's warnings must not appear either; the
            // balance format gives each account's own postings, as the trial balance does (ledger's flat total includes sub-accounts).
            var ledgerBalance = await Run("ledger", "--init-file", "/dev/null", "--strict", "--pedantic", "-f", file,
                "balance", "--flat", "--no-total", "--balance-format", "%(account)\t%(amount)\n");
            ledgerBalance.Exit.Should().Be(0, ledgerBalance.Error);
            ledgerBalance.Error.Should().BeEmpty();
            var ledger = ledgerBalance.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('\t'))
                .ToDictionary(r => r[0], r => Chf(r[1]));

            var trialBalance = await new FinanceOffice(Host, await TokenFor("FinanceOfficer")).TrialBalance();
            var expected = trialBalance.Accounts.Where(a => a.BalanceChf != 0).ToDictionary(a => a.Account, a => a.BalanceChf);
            expected.Should().NotBeEmpty();
            hledger.Where(kv => kv.Value != 0).Should().BeEquivalentTo(expected);
            ledger.Where(kv => kv.Value != 0).Should().BeEquivalentTo(expected);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task rebuilding_every_projection_gives_byte_identical_documents()
    {
        var scenario = new GoldenScenario();
        await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var before = await TableHashes();
        before.Keys.Should().Contain(["bsgfunds.mt_doc_contribution", "bsgfunds.mt_doc_allocation", "bsgfunds.mt_doc_reportbook",
            "bsgfunds.mt_doc_chainlink", "bsgfunds.mt_doc_ledgerbalances", "bsgfunds.merkle_nodes"]);

        var rebuilt = System.Text.Json.JsonDocument.Parse(await (await Send("POST", "/api/audit/rebuild",
            await TokenFor("Auditor"))).ReadAsTextAsync()).RootElement;
        rebuilt.GetProperty("projections").GetArrayLength().Should().BeGreaterThan(5);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        (await TableHashes()).Should().BeEquivalentTo(before);
    }

    private static async Task<Dictionary<string, string>> TableHashes()
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Marten"));
        await connection.OpenAsync();
        var tables = new List<string>();
        // Signed tree heads and signing keys are not projections: they are signed as time passes, not derived from the events.
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables "
            + "where table_schema = 'bsgfunds' and table_name like 'mt_doc_%' "
            + "and table_name not in ('mt_doc_publishedtreehead', 'mt_doc_signingkeyrecord') order by 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));

        var hashes = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand(
                $"select md5(coalesce(string_agg(id::text || '=' || data::text, '|' order by id::text), '')) from bsgfunds.{table}", connection);
            hashes[$"bsgfunds.{table}"] = (string)(await hash.ExecuteScalarAsync())!;
        }

        // The transparency log's tree is a table of its own: rebuilt, every subtree hash is the same.
        await using var tree = new NpgsqlCommand("select md5(coalesce(string_agg(level || ':' || idx || '=' || encode(hash, 'hex') || "
            + "':' || coalesce(sequence::text, ''), '|' order by level, idx), '')) from bsgfunds.merkle_nodes", connection);
        hashes["bsgfunds.merkle_nodes"] = (string)(await tree.ExecuteScalarAsync())!;
        return hashes;
    }

    /// <summary>
    /// A balance either tool printed: postings are all in CHF, so any other commodity means a note on a line was read as an
    /// amount, and a digit-group mark means the declared format was not applied.
    /// </summary>
    private static decimal Chf(string amount)
    {
        var text = amount.Trim();
        if (text != "0" && !text.EndsWith(" CHF", StringComparison.Ordinal)) throw new FormatException($"Not a CHF amount: '{amount}'");
        return decimal.Parse(text.Replace(" CHF", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);
    }

    private static async Task<(int Exit, string Output, string Error)> Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{tool} is not installed (deploy/test.sh installs Debian's package).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
