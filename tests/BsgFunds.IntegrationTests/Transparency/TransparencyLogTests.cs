using BsgFunds.TestSupport;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BsgFunds.Api.Audit;
using BsgFunds.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Transparency;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Foundation;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BsgFunds.IntegrationTests.Transparency;

public class TransparencyLogTests(AppFixture app) : ApiTest(app)
{
    private sealed record InclusionAnswer(long Sequence, long LeafIndex, long TreeSize, string LeafHash, string[] Path);

    private sealed record ConsistencyAnswer(long From, long To, string[] Path);

    private sealed record KeyAnswer(string KeyId, string Algorithm, string PublicKeyPem, DateTimeOffset From, DateTimeOffset? To);

    private sealed record KeysAnswer(KeyAnswer[] Keys);

    private sealed record HeadsAnswer(long After, TreeHead[] Heads, long Next);

    private sealed record PeriodAnswer(int Year, string Status, TreeHead? TreeHead);

    private readonly LogFiles files = new();

    private sealed record History(FinanceOffice Office, Guid DonorId, Guid ContributionId, long[] Receipts);

    /// <summary>Rates, a donor, a contribution with an agreement, and two receipts.</summary>
    private async Task<History> Recorded()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await fo.Rate("USD", "2026-01", 0.9m);
        var donor = await fo.Donor("Acme", "SectorMember", "SE");
        var id = await fo.Pledge(donor, "PrivateSectorVoluntary", 10_000m, "USD");
        await fo.Sign(id, 10_000m, "USD");
        var first = await fo.Receive(id, 4_000m, "USD", "2026-01-20", "R1");
        var second = await fo.Receive(id, 1_000m, "USD", "2026-01-25", "R2");
        return new History(fo, donor, id, [first.EventSequence, second.EventSequence]);
    }

    /// <summary>The signed head over every event written so far, once the publisher has signed it.</summary>
    private async Task<(TreeHead Head, string File)> SignedHeadOfEverything()
    {
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var events = (await AllEvents()).Count;
        var token = await TokenFor("Auditor");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var answer = await Host.Scenario(s =>
            {
                s.Get.Url("/api/audit/tree-heads/latest");
                s.WithRequestHeader("Authorization", $"Bearer {token}");
                s.IgnoreStatusCode();
            });
            if (answer.Context.Response.StatusCode == 200)
            {
                var text = await answer.ReadAsTextAsync();
                var head = JsonSerializer.Deserialize<TreeHead>(text, Web)!;
                if (head.TreeSize == events) return (head, files.Save($"head-{head.TreeSize}.json", text));
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No signed head of {events} leaves within 30 s.");
            await Task.Delay(100);
        }
    }

    private async Task<(KeyAnswer Key, string PemFile, string KeysFile)> PublicKey()
    {
        var text = await (await Send("GET", "/api/audit/keys", token: null)).ReadAsTextAsync();
        var key = JsonSerializer.Deserialize<KeysAnswer>(text, Web)!.Keys.Single(k => k.To is null);
        return (key, files.Save("key.pem", key.PublicKeyPem), files.Save("keys.json", text));
    }

    private async Task<string> Export(string name)
    {
        var export = await Host.Scenario(s =>
        {
            s.Get.Url("/api/audit/events");
            s.WithRequestHeader("Authorization", $"Bearer {TokenFor("Auditor").Result}");
            s.WithRequestHeader("Accept", "application/x-ndjson");
        });
        return files.Save(name, await export.ReadAsTextAsync());
    }

    private static async Task<(int Exit, string Output)> Tool(params string[] args)
    {
        var output = new StringWriter();
        var exit = await AuditTool.RunAsync(args, output);
        return (exit, output.ToString());
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task every_event_is_a_leaf_of_a_signed_tree_that_two_independent_verifiers_accept_with_each_inclusion_proof()
    {
        await Recorded();
        var (head, headFile) = await SignedHeadOfEverything();
        var (key, pem, keys) = await PublicKey();
        head.KeyId.Should().Be(key.KeyId);
        key.Algorithm.Should().Be("ecdsa-p256-sha256");

        (await IndependentVerifier.RunAsync("head", "--head", headFile, "--key", pem)).Should().Match<(int Exit, string)>(r => r.Exit == 0);
        (await Tool("--head", headFile, "--key", keys)).Exit.Should().Be(0);

        var auditor = await TokenFor("Auditor");
        var events = await AllEvents();
        foreach (var e in events)
        {
            var text = await (await Send("GET", $"/api/audit/proofs/inclusion?sequence={e.Sequence}&treeSize={head.TreeSize}", auditor))
                .ReadAsTextAsync();
            var proof = JsonSerializer.Deserialize<InclusionAnswer>(text, Web)!;
            proof.Path.Length.Should().BeLessThanOrEqualTo((int)Math.Ceiling(Math.Log2(head.TreeSize)));
            ProofCheck.Inclusion(proof.LeafIndex, proof.TreeSize, Bytes(proof.LeafHash), proof.Path.Select(Bytes).ToList(), Bytes(head.RootHash))
                .Should().BeTrue($"sequence {e.Sequence}");
            var file = files.Save($"inclusion-{e.Sequence}.json", text);
            var independent = await IndependentVerifier.RunAsync("inclusion", "--proof", file, "--head", headFile, "--key", pem);
            independent.Exit.Should().Be(0, independent.Output);
            (await Tool("--inclusion", file, "--head", headFile, "--key", pem)).Exit.Should().Be(0);
        }

        // Without treeSize the proof is against the latest signed head.
        var latest = await ReadAs<InclusionAnswer>(await Send("GET", $"/api/audit/proofs/inclusion?sequence={events[0].Sequence}", auditor));
        latest.TreeSize.Should().Be(head.TreeSize);

        var export = await Export("events.ndjson");
        var rooted = await IndependentVerifier.RunAsync("export", "--export", export, "--head", headFile, "--key", pem);
        rooted.Exit.Should().Be(0, rooted.Output);
        (await Tool("--export", export, "--head", headFile, "--key", pem)).Exit.Should().Be(0);
    }

    [Fact]
    public async Task a_later_head_is_proved_consistent_with_an_earlier_one_and_the_heads_are_listed_in_order()
    {
        var history = await Recorded();
        var (earlier, earlierFile) = await SignedHeadOfEverything();
        await history.Office.Receive(history.ContributionId, 500m, "USD", "2026-01-28", "R3");
        await history.Office.Receive(history.ContributionId, 250m, "USD", "2026-01-29", "R4");
        var (later, laterFile) = await SignedHeadOfEverything();
        var (_, pem, _) = await PublicKey();

        var finance = await TokenFor("FinanceOfficer");
        var text = await (await Send("GET", $"/api/audit/proofs/consistency?from={earlier.TreeSize}&to={later.TreeSize}", finance))
            .ReadAsTextAsync();
        var proof = JsonSerializer.Deserialize<ConsistencyAnswer>(text, Web)!;
        ProofCheck.Consistency(earlier.TreeSize, later.TreeSize, proof.Path.Select(Bytes).ToList(), Bytes(earlier.RootHash), Bytes(later.RootHash))
            .Should().BeTrue();
        var file = files.Save("consistency.json", text);
        var independent = await IndependentVerifier.RunAsync("consistency", "--proof", file, "--old", earlierFile, "--new", laterFile, "--key", pem);
        independent.Exit.Should().Be(0, independent.Output);
        (await Tool("--consistency", file, "--head", earlierFile, "--new-head", laterFile, "--key", pem)).Exit.Should().Be(0);

        var same = await ReadAs<ConsistencyAnswer>(await Send("GET", $"/api/audit/proofs/consistency?from={later.TreeSize}&to={later.TreeSize}",
            finance));
        same.Path.Should().BeEmpty();

        var heads = await ReadAs<HeadsAnswer>(await Send("GET", "/api/audit/tree-heads?after=0", finance));
        heads.Heads.Select(h => h.TreeSize).Should().BeInAscendingOrder().And.Contain([earlier.TreeSize, later.TreeSize]);
        heads.Heads.Single(h => h.TreeSize == earlier.TreeSize).Should().Be(earlier);
        heads.Next.Should().Be(later.TreeSize);
        (await ReadAs<HeadsAnswer>(await Send("GET", $"/api/audit/tree-heads?after={later.TreeSize}", finance))).Heads.Should().BeEmpty();
    }

    [Fact]
    public async Task a_donor_downloads_a_receipt_of_its_own_that_verifies_alone_and_no_one_elses()
    {
        var history = await Recorded();
        await SignedHeadOfEverything();
        var (_, pem, keys) = await PublicKey();
        var donor = await TokenFor("Donor", "acme-treasurer", history.DonorId);
        var url = $"/api/contributions/{history.ContributionId}/receipts/{history.Receipts[1]}/proof";

        var text = await (await Send("GET", url, donor)).ReadAsTextAsync();
        using var receipt = JsonDocument.Parse(text);
        receipt.RootElement.GetProperty("leaf").GetString().Should().StartWith($"bsgfunds-leaf-v1\n{history.Receipts[1]}\n{history.ContributionId}");
        receipt.RootElement.GetProperty("event").GetProperty("data").GetProperty("BankReference").GetString().Should().Be("R2");
        var file = files.Save("receipt.json", text);
        var independent = await IndependentVerifier.RunAsync("receipt", "--receipt", file, "--key", pem);
        independent.Exit.Should().Be(0, independent.Output);
        (await Tool("--receipt", file, "--key", keys)).Exit.Should().Be(0);

        // A receipt whose event was changed after it was issued no longer verifies.
        var altered = files.Save("altered.json", text.Replace("\"R2\"", "\"R9\"", StringComparison.Ordinal));
        (await IndependentVerifier.RunAsync("receipt", "--receipt", altered, "--key", pem)).Exit.Should().Be(1);
        (await Tool("--receipt", altered, "--key", pem)).Exit.Should().Be(1);

        await Send("GET", url, await TokenFor("FinanceOfficer"));
        await Send("GET", url, await TokenFor("Auditor"));
        var stranger = await TokenFor("Donor", "other-treasurer", Guid.NewGuid());
        (await ProblemOf(await Send("GET", url, stranger, expectedStatus: 404))).Code.Should().Be("receipt-not-found");
        await Send("GET", url, await TokenFor("TsbDirector"), expectedStatus: 403);
        var agreement = (await AllEvents()).Single(e => e.Data is AgreementSigned).Sequence;
        (await ProblemOf(await Send("GET", $"/api/contributions/{history.ContributionId}/receipts/{agreement}/proof", donor, expectedStatus: 404)))
            .Code.Should().Be("receipt-not-found");
    }

    [Fact]
    public async Task proofs_asked_outside_the_log_are_refused_with_a_problem_that_says_why()
    {
        await Recorded();
        var (head, _) = await SignedHeadOfEverything();
        var auditor = await TokenFor("Auditor");
        var last = (await AllEvents())[^1].Sequence;

        (await ProblemOf(await Send("GET", "/api/audit/proofs/inclusion?sequence=0", auditor, expectedStatus: 400))).Errors!.Should()
            .ContainKey("sequence");
        (await ProblemOf(await Send("GET", "/api/audit/proofs/inclusion", auditor, expectedStatus: 400))).Errors!.Should().ContainKey("sequence");
        (await ProblemOf(await Send("GET", "/api/audit/proofs/consistency?from=5&to=3", auditor, expectedStatus: 400))).Errors!.Should()
            .ContainKey("to");
        (await ProblemOf(await Send("GET", "/api/audit/proofs/consistency?from=0&to=3", auditor, expectedStatus: 400))).Errors!.Should()
            .ContainKey("from");
        (await ProblemOf(await Send("GET", $"/api/audit/proofs/consistency?from=1&to={head.TreeSize + 1}", auditor, expectedStatus: 409)))
            .Code.Should().Be("tree-size-not-reached");
        (await ProblemOf(await Send("GET", $"/api/audit/proofs/inclusion?sequence={last + 1000}", auditor, expectedStatus: 404)))
            .Code.Should().Be("event-not-in-log");
        (await ProblemOf(await Send("GET", $"/api/audit/proofs/inclusion?sequence={last}&treeSize=1", auditor, expectedStatus: 409)))
            .Code.Should().Be("event-not-in-tree");
        await Send("GET", $"/api/audit/proofs/inclusion?sequence={last}", await TokenFor("FinanceOfficer"), expectedStatus: 403);
        await Send("GET", "/api/audit/tree-heads/latest", await TokenFor("Donor", "d", Guid.NewGuid()), expectedStatus: 403);
    }

    [Fact]
    public async Task a_forged_head_is_refused_by_both_verifiers()
    {
        await Recorded();
        var (head, _) = await SignedHeadOfEverything();
        var (_, pem, keys) = await PublicKey();

        var resized = files.Save("resized.json", JsonSerializer.Serialize(head with { TreeSize = head.TreeSize + 1 }, Web));
        (await IndependentVerifier.RunAsync("head", "--head", resized, "--key", pem)).Exit.Should().Be(1);
        (await Tool("--head", resized, "--key", pem)).Exit.Should().Be(1);

        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = TreeHeadSignature.Sign(impostor, head.TreeSize, Bytes(head.RootHash), DateTimeOffset.UtcNow);
        var forgedFile = files.Save("forged.json", JsonSerializer.Serialize(forged, Web));
        (await IndependentVerifier.RunAsync("head", "--head", forgedFile, "--key", pem)).Exit.Should().Be(1);
        (await Tool("--head", forgedFile, "--key", keys)).Exit.Should().Be(1);
        // Claiming the fund's key id does not help: the signature does not hold for the fund's key.
        var borrowed = files.Save("borrowed.json", JsonSerializer.Serialize(forged with { KeyId = head.KeyId }, Web));
        (await IndependentVerifier.RunAsync("head", "--head", borrowed, "--key", pem)).Exit.Should().Be(1);
        (await Tool("--head", borrowed, "--key", pem)).Exit.Should().Be(1);
    }

    public static TheoryData<string, string> Tamperings => new()
    {
        { "a changed byte", "update bsgfunds.mt_events set data = jsonb_set(data, '{BankReference}', '\"R7\"') where seq_id = {first}" },
        { "a deleted event", "delete from bsgfunds.mt_events where seq_id = {first}" },
        {
            "two swapped events",
            "update bsgfunds.mt_events set seq_id = -1 where seq_id = {first}; " +
            "update bsgfunds.mt_events set seq_id = {first} where seq_id = {second}; " +
            "update bsgfunds.mt_events set seq_id = {second} where seq_id = -1"
        },
        {
            "a rewritten tail",
            "update bsgfunds.mt_events set data = jsonb_set(data, '{Amount,Amount}', '9000') where seq_id >= {first}"
        },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task tampering_is_caught_by_the_export_check_and_by_consistency_with_an_earlier_head(string tampering, string sql)
    {
        var history = await Recorded();
        var (earlier, earlierFile) = await SignedHeadOfEverything();
        var (_, pem, _) = await PublicKey();
        await ProjectionFailureTests.Sql($"""
            alter table bsgfunds.mt_events disable trigger mt_events_append_only;
            {sql.Replace("{first}", N(history.Receipts[0])).Replace("{second}", N(history.Receipts[1]))};
            alter table bsgfunds.mt_events enable trigger mt_events_append_only;
            """);

        // The export of the altered ledger no longer makes the root the fund signed.
        var export = await Export("tampered.ndjson");
        var independent = await IndependentVerifier.RunAsync("export", "--export", export, "--head", earlierFile, "--key", pem);
        independent.Exit.Should().Be(1, $"{tampering}: {independent.Output}");
        (await Tool("--export", export, "--head", earlierFile, "--key", pem)).Exit.Should().Be(1, tampering);

        // Whoever altered it regrows the tree from the altered events and the log goes on; the next signed head cannot
        // be proved to extend the earlier one.
        await Host.Services.GetRequiredService<LocalDaemon>().RebuildAsync("MerkleTreeProjection", TimeSpan.FromMinutes(1), CancellationToken.None);
        await history.Office.Receive(history.ContributionId, 100m, "USD", "2026-01-28", "R5");
        await history.Office.Receive(history.ContributionId, 100m, "USD", "2026-01-29", "R6");
        var (later, laterFile) = await SignedHeadOfEverything();
        later.TreeSize.Should().BeGreaterThan(earlier.TreeSize);

        var text = await (await Send("GET", $"/api/audit/proofs/consistency?from={earlier.TreeSize}&to={later.TreeSize}", await TokenFor("Auditor")))
            .ReadAsTextAsync();
        var proof = JsonSerializer.Deserialize<ConsistencyAnswer>(text, Web)!;
        ProofCheck.Consistency(earlier.TreeSize, later.TreeSize, proof.Path.Select(Bytes).ToList(), Bytes(earlier.RootHash), Bytes(later.RootHash))
            .Should().BeFalse(tampering);
        var file = files.Save("consistency.json", text);
        (await IndependentVerifier.RunAsync("consistency", "--proof", file, "--old", earlierFile, "--new", laterFile, "--key", pem)).Exit
            .Should().Be(1, tampering);
        (await Tool("--consistency", file, "--head", earlierFile, "--new-head", laterFile, "--key", pem)).Exit.Should().Be(1, tampering);
    }

    [Fact]
    public async Task closing_a_year_seals_it_with_a_signed_tree_head_of_that_moment()
    {
        await Recorded();
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = (await AllEvents()).Count;
        await Send("POST", "/api/periods/2025/close", await TokenFor("FinanceOfficer", "fo-1"));
        before += 1;
        var closed = await ReadAs<PeriodAnswer>(await Send("POST", "/api/periods/2025/close", await TokenFor("TsbDirector", "tsb-1")));

        closed.Status.Should().Be("Closed");
        closed.TreeHead.Should().NotBeNull();
        closed.TreeHead!.TreeSize.Should().Be(before);
        var (_, pem, _) = await PublicKey();
        var sealedFile = files.Save("sealed.json", JsonSerializer.Serialize(closed.TreeHead, Web));
        (await IndependentVerifier.RunAsync("head", "--head", sealedFile, "--key", pem)).Exit.Should().Be(0);
        var heads = await ReadAs<HeadsAnswer>(await Send("GET", $"/api/audit/tree-heads?after={before - 1}&limit=1", await TokenFor("Auditor")));
        heads.Heads.Single().Should().Be(closed.TreeHead);
    }
}
