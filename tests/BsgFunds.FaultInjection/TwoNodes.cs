using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using BsgFunds.TestSupport;
using Npgsql;

namespace BsgFunds.FaultInjection;

/// <summary>
/// Scale-out (docs/operations.md): two API nodes on loopback share one database with Wolverine distributing the async
/// projections. Commands go to both nodes; the node running most projections is killed with SIGKILL; the survivor
/// must take every projection over and finish them with nothing skipped and nothing applied twice: the ledger's cash
/// equals the receipts stored, the hash chain verifies to the last event, and the donor statement shows every receipt once.
/// </summary>
public sealed class TwoNodes(string apiDll, int pgPort, int firstPort)
{
    private const int ReceiptsPerPhase = 30;
    private static readonly string[] Projections = ["LedgerBalances", "ReportBookProjection", "HashChainProjection", "MerkleTreeProjection"];
    private readonly Node[] nodes = [new(apiDll, pgPort, firstPort), new(apiDll, pgPort, firstPort + 1)];
    private string connection => $"Host=127.0.0.1;Port={pgPort};Database=bsgfunds;Username=postgres;Timeout=3;Pooling=false";

    public async Task<string> RunAsync()
    {
        try
        {
            foreach (var node in nodes) await node.StartAsync();
            await WaitAsync(async () => (await AssignmentsAsync()).Count == Projections.Length, TimeSpan.FromSeconds(60),
                "all projections assigned to a node");
            var token = await nodes[0].Api.DevTokenAsync("scale-officer", "Scale officer", ["FinanceOfficer", "Auditor"]);
            foreach (var node in nodes) node.Token = token;
            // The commands alternate between the nodes: either may take any command.
            var donor = await nodes[0].Api.RegisterDonorAsync(token, "Two-node donor", "Foundation");
            var contribution = await nodes[1].Api.PledgeAsync(token, donor, 1_000_000m, new DateOnly(2026, 1, 5));
            await nodes[0].Api.SignAgreementAsync(token, contribution, 1_000_000m,
                new AgreementTerms($"N-{contribution:N}", new DateOnly(2026, 1, 15), new DateOnly(2026, 6, 30), PscRatePercent: 0m));
            for (var i = 0; i < ReceiptsPerPhase; i++) await nodes[i % 2].ReceiptAsync(contribution, $"before-{i}");

            var before = await SignedHeadAsync(nodes[0], await ScalarAsync<long>("select count(*) from bsgfunds.mt_events"));
            var assignments = await AssignmentsAsync();
            var ids = new Dictionary<Guid, Node>();
            foreach (var node in nodes) ids[await node.IdAsync()] = node;
            var victim = ids[assignments.GroupBy(a => a.Value).OrderByDescending(g => g.Count()).First().Key];
            var survivor = nodes.Single(n => n != victim);
            var survivorId = ids.Single(i => i.Value == survivor).Key;
            var moved = assignments.Count(a => ids[a.Value] == victim);
            await victim.KillAsync();

            for (var i = 0; i < ReceiptsPerPhase; i++) await survivor.ReceiptAsync(contribution, $"after-{i}");
            var clock = Stopwatch.StartNew();
            await WaitAsync(() => SurvivorRunsAllAsync(survivorId), TimeSpan.FromSeconds(120), "the survivor to run every projection");
            var takeover = clock.Elapsed;
            await WaitAsync(CaughtUpAsync, TimeSpan.FromSeconds(60), "the projections to reach the last event");

            var balance = await survivor.GetAsync("/api/reports/trial-balance");
            var cash = balance.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == "Assets:Cash")
                .GetProperty("debitsChf").GetDecimal();
            var stored = await ScalarAsync<decimal>(
                "select coalesce(sum((data->>'AmountChf')::numeric), 0) from bsgfunds.mt_events where type = 'contribution_received'");
            if (cash != stored)
            {
                throw new InvalidOperationException(
                    $"the ledger shows CHF {cash} of cash for CHF {stored} of stored receipts: events skipped or applied twice");
            }

            if (!balance.GetProperty("balanced").GetBoolean()) throw new InvalidOperationException("the trial balance does not balance");

            var digest = await survivor.GetAsync("/api/audit/digest");
            var last = await ScalarAsync<long>("select max(seq_id) from bsgfunds.mt_events");
            if (digest.GetProperty("sequence").GetInt64() != last)
                throw new InvalidOperationException($"the hash chain ends at {digest.GetProperty("sequence")} instead of {last}");
            var verification = await survivor.PostJsonAsync("/api/audit/verify", new { sequence = last,
                hash = digest.GetProperty("hash").GetString() });
            if (!verification.GetProperty("intact").GetBoolean())
                throw new InvalidOperationException($"the hash chain does not verify: {verification}");

            // The transparency log went on where the killed node left it: the survivor's head extends the one signed before
            // the kill, as the independent verifier checks from the heads, the proof and the public key alone.
            var after = await SignedHeadAsync(survivor, await ScalarAsync<long>("select count(*) from bsgfunds.mt_events"));
            await CheckConsistentAsync(survivor, before, after);

            var statement = await survivor.GetAsync($"/api/reports/donors/{donor}/statement");
            var received = statement.GetProperty("receivedChf").GetDecimal();
            if (received != 2 * ReceiptsPerPhase)
                throw new InvalidOperationException($"the donor statement shows CHF {received} received instead of {2 * ReceiptsPerPhase}");
            // One node cannot rebuild projections that the cluster runs: refused with a problem, not attempted.
            var rebuild = await survivor.PostRawAsync("/api/audit/rebuild");
            if (rebuild.Status != 409 || !rebuild.Body.Contains("rebuild-needs-single-node", StringComparison.Ordinal))
                throw new InvalidOperationException($"a rebuild in a cluster answered {rebuild.Status} {rebuild.Body}");
            return $"{moved} of {Projections.Length} projections moved to the survivor {takeover.TotalSeconds:0.0} s after the receipts that "
                + "followed the kill; ledger, hash chain, transparency log and statement exact";
        }
        finally
        {
            foreach (var node in nodes) await node.KillAsync();
        }
    }

    /// <summary>The signed tree head over this many events, once a node has published it (every few seconds).</summary>
    private static async Task<string> SignedHeadAsync(Node node, long events)
    {
        string head = string.Empty;
        await WaitAsync(async () =>
        {
            using var answer = await node.Api.SendAsync(HttpMethod.Get, "/api/audit/tree-heads/latest", node.Token);
            head = await answer.Content.ReadAsStringAsync();
            return answer.IsSuccessStatusCode && JsonDocument.Parse(head).RootElement.GetProperty("treeSize").GetInt64() == events;
        }, TimeSpan.FromSeconds(60), $"a signed tree head of {events} events");
        return head;
    }

    private static async Task CheckConsistentAsync(Node node, string before, string after)
    {
        var folder = Directory.CreateTempSubdirectory("bsgfunds-two-nodes-").FullName;
        try
        {
            string Save(string name, string text)
            {
                File.WriteAllText(Path.Combine(folder, name), text);
                return Path.Combine(folder, name);
            }

            var (from, to) = (JsonDocument.Parse(before).RootElement.GetProperty("treeSize").GetInt64(),
                JsonDocument.Parse(after).RootElement.GetProperty("treeSize").GetInt64());
            var proof = await node.GetAsync($"/api/audit/proofs/consistency?from={from}&to={to}");
            var key = (await node.GetAsync("/api/audit/keys")).GetProperty("keys").EnumerateArray().Single(k =>
                k.GetProperty("to").ValueKind == JsonValueKind.Null).GetProperty("publicKeyPem").GetString()!;
            var (exit, output) = await IndependentVerifier.RunAsync("consistency", "--proof", Save("proof.json", proof.GetRawText()),
                "--old", Save("before.json", before), "--new", Save("after.json", after), "--key", Save("key.pem", key));
            if (exit != 0) throw new InvalidOperationException($"the log after the failover does not extend the one before it: {output}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<Dictionary<string, Guid>> AssignmentsAsync()
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select id, node_id from bsgfunds.wolverine_node_assignments where id like 'event-subscriptions://%'", db);
        var result = new Dictionary<string, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = reader.GetGuid(1);
        return result;
    }

    private async Task<bool> SurvivorRunsAllAsync(Guid survivor)
    {
        var assignments = await AssignmentsAsync();
        return assignments.Values.All(n => n == survivor) && assignments.Count == Projections.Length;
    }

    private async Task<bool> CaughtUpAsync()
    {
        var last = await ScalarAsync<long>("select max(seq_id) from bsgfunds.mt_events");
        foreach (var projection in Projections)
        {
            var reached = await ScalarAsync<long>(
                $"select coalesce(max(last_seq_id), 0) from bsgfunds.mt_event_progression where name = '{projection}:All'");
            if (reached < last) return false;
        }

        return true;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, db).ExecuteScalarAsync())!;
    }

    private static Task WaitAsync(Func<Task<bool>> done, TimeSpan limit, string what) =>
        Waiting.UntilAsync(done, limit, what, TimeSpan.FromMilliseconds(250));

    private sealed class Node(string apiDll, int pgPort, int port)
    {
        private ApiProcess? process;

        public ApiClient Api { get; } = new(new Uri($"http://127.0.0.1:{port}"), TimeSpan.FromSeconds(15));

        public string Token { get; set; } = string.Empty;

        private string Connection => $"Host=127.0.0.1;Port={pgPort};Database=bsgfunds;Username=postgres";

        public async Task StartAsync() =>
            process = await ApiProcess.StartAsync(new ApiLaunch(apiDll, Api.Address, Connection)
            {
                // A cluster with failover timings short enough for a test; production keeps the defaults (docs/operations.md).
                Settings = new Dictionary<string, string>
                {
                    ["Cluster__Enabled"] = "true",
                    ["Cluster__HealthCheckSeconds"] = "2",
                    ["Cluster__StaleNodeSeconds"] = "6",
                    ["Cluster__CheckAssignmentSeconds"] = "5",
                },
                HealthPath = "/health/live",
                Poll = TimeSpan.FromMilliseconds(250),
            });

        public async Task KillAsync()
        {
            if (process is not null) await process.DisposeAsync();
            process = null;
        }

        public async Task<Guid> IdAsync()
        {
            using var ready = await Api.Http.GetAsync("/health/ready");
            return (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("node").GetGuid();
        }

        public Task ReceiptAsync(Guid contribution, string reference) =>
            Api.RecordReceiptAsync(Token, contribution, 1m, new DateOnly(2026, 2, 1), reference);

        public Task<JsonElement> PostJsonAsync(string url, object body) => Api.SendJsonAsync(HttpMethod.Post, url, Token, body);

        public async Task<(int Status, string Body)> PostRawAsync(string url)
        {
            using var response = await Api.SendAsync(HttpMethod.Post, url, Token);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public Task<JsonElement> GetAsync(string url) => Api.GetJsonAsync(url, Token);
    }
}
