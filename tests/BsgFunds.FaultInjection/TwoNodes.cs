using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
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
    private static readonly string[] Projections = ["LedgerBalances", "ReportBookProjection", "HashChainProjection"];
    private readonly Node[] nodes = [new(apiDll, pgPort, firstPort), new(apiDll, pgPort, firstPort + 1)];
    private string connection => $"Host=127.0.0.1;Port={pgPort};Database=bsgfunds;Username=postgres;Timeout=3;Pooling=false";

    public async Task<string> RunAsync()
    {
        try
        {
            foreach (var node in nodes) await node.StartAsync();
            await WaitAsync("all projections assigned to a node", TimeSpan.FromSeconds(60),
                async () => (await AssignmentsAsync()).Count == Projections.Length);
            var token = await nodes[0].TokenAsync();
            foreach (var node in nodes) node.Token = token;
            var donor = await nodes[0].PostAsync("/api/donors", new { name = "Two-node donor", type = "Foundation" });
            var contribution = await nodes[1].PostAsync("/api/contributions", new { donorId = donor, source = "OtherVoluntary",
                amount = new { amount = 1_000_000m, currency = "CHF" }, pledgedOn = "2026-01-05" });
            await nodes[0].PostAsync($"/api/contributions/{contribution}/agreement", new
            {
                signedOn = "2026-01-15", reference = $"N-{contribution:N}", amount = new { amount = 1_000_000m, currency = "CHF" },
                    pscRatePercent = 0m,
                instalments = new[] { new { dueOn = "2026-06-30", amount = 1_000_000m } },
            });
            for (var i = 0; i < ReceiptsPerPhase; i++) await nodes[i % 2].ReceiptAsync(contribution, $"before-{i}");

            var assignments = await AssignmentsAsync();
            var ids = new Dictionary<Guid, Node>();
            foreach (var node in nodes) ids[await node.IdAsync()] = node;
            var victim = ids[assignments.GroupBy(a => a.Value).OrderByDescending(g => g.Count()).First().Key];
            var survivor = nodes.Single(n => n != victim);
            var survivorId = ids.Single(i => i.Value == survivor).Key;
            var moved = assignments.Count(a => ids[a.Value] == victim);
            victim.Kill();

            for (var i = 0; i < ReceiptsPerPhase; i++) await survivor.ReceiptAsync(contribution, $"after-{i}");
            var clock = Stopwatch.StartNew();
            await WaitAsync("the survivor to run every projection", TimeSpan.FromSeconds(120),
                async () => (await AssignmentsAsync()).Values.All(n => n == survivorId) && (await AssignmentsAsync()).Count == Projections.Length);
            var takeover = clock.Elapsed;
            await WaitAsync("the projections to reach the last event", TimeSpan.FromSeconds(60), async () => await CaughtUpAsync());

            var balance = await survivor.GetAsync("/api/reports/trial-balance");
            var cash = balance.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("account").GetString() == "Assets:Cash").GetProperty("debitsChf").GetDecimal();
            var stored = await ScalarAsync<decimal>("select coalesce(sum((data->>'AmountChf')::numeric), 0) from bsgfunds.mt_events where type = 'contribution_received'");
            if (cash != stored) throw new InvalidOperationException($"the ledger shows CHF {cash} of cash for CHF {stored} of stored receipts: events skipped or applied twice");
            if (!balance.GetProperty("balanced").GetBoolean()) throw new InvalidOperationException("the trial balance does not balance");

            var digest = await survivor.GetAsync("/api/audit/digest");
            var last = await ScalarAsync<long>("select max(seq_id) from bsgfunds.mt_events");
            if (digest.GetProperty("sequence").GetInt64() != last) throw new InvalidOperationException($"the hash chain ends at {digest.GetProperty("sequence")} instead of {last}");
            var verification = await survivor.PostJsonAsync("/api/audit/verify", new { sequence = last,
                hash = digest.GetProperty("hash").GetString() });
            if (!verification.GetProperty("intact").GetBoolean()) throw new InvalidOperationException($"the hash chain does not verify: {verification}");

            var statement = await survivor.GetAsync($"/api/reports/donors/{donor}/statement");
            var received = statement.GetProperty("receivedChf").GetDecimal();
            if (received != 2 * ReceiptsPerPhase) throw new InvalidOperationException($"the donor statement shows CHF {received} received instead of {2 * ReceiptsPerPhase}");
            // One node cannot rebuild projections that the cluster runs: refused with a problem, not attempted.
            var rebuild = await survivor.PostRawAsync("/api/audit/rebuild");
            if (rebuild.Status != 409 || !rebuild.Body.Contains("rebuild-needs-single-node", StringComparison.Ordinal))
                throw new InvalidOperationException($"a rebuild in a cluster answered {rebuild.Status} {rebuild.Body}");
            return $"{moved} of {Projections.Length} projections moved to the survivor {takeover.TotalSeconds:0.0} s after the receipts that followed the kill; ledger, hash chain and statement exact";
        }
        finally
        {
            foreach (var node in nodes) node.Kill();
        }
    }

    private async Task<Dictionary<string, Guid>> AssignmentsAsync()
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("select id, node_id from bsgfunds.wolverine_node_assignments where id like 'event-subscriptions://%'", db);
        var result = new Dictionary<string, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = reader.GetGuid(1);
        return result;
    }

    private async Task<bool> CaughtUpAsync()
    {
        var last = await ScalarAsync<long>("select max(seq_id) from bsgfunds.mt_events");
        foreach (var projection in Projections)
        {
            if (await ScalarAsync<long>($"select coalesce(max(last_seq_id), 0) from bsgfunds.mt_event_progression where name = '{projection}:All'") < last) return false;
        }

        return true;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        return (T)(await new NpgsqlCommand(sql, db).ExecuteScalarAsync())!;
    }

    private static async Task WaitAsync(string what, TimeSpan limit, Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await done()) return;
            await Task.Delay(250);
        }

        throw new InvalidOperationException($"timed out after {limit.TotalSeconds} s waiting for {what}");
    }

    private sealed class Node(string apiDll, int pgPort, int port)
    {
        private readonly HttpClient http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(15) };
        private Process? process;

        public string Token { get; set; } = string.Empty;

        public async Task StartAsync()
        {
            var start = new ProcessStartInfo("dotnet", $"{apiDll} --urls http://127.0.0.1:{port}")
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
                    WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["ConnectionStrings__Marten"] = $"Host=127.0.0.1;Port={pgPort};Database=bsgfunds;Username=postgres";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            // A cluster with failover timings short enough for a test; production keeps the defaults (docs/operations.md).
            start.Environment["Cluster__Enabled"] = "true";
            start.Environment["Cluster__HealthCheckSeconds"] = "2";
            start.Environment["Cluster__StaleNodeSeconds"] = "6";
            start.Environment["Cluster__CheckAssignmentSeconds"] = "5";
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await WaitAsync($"the node on port {port} to start", TimeSpan.FromSeconds(60), async () =>
            {
                try { return (await http.GetAsync("/health/live")).IsSuccessStatusCode; }
                catch (HttpRequestException) { return false; }
            });
        }

        public void Kill()
        {
            if (process is { HasExited: false }) process.Kill(entireProcessTree: true);
            process?.WaitForExit();
        }

        public async Task<Guid> IdAsync() =>
            (await (await http.GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("node").GetGuid();

        public async Task<string> TokenAsync()
        {
            var response = await http.PostAsJsonAsync("/api/dev/token", new { sub = "scale-officer", name = "Scale officer",
                roles = new[] { "FinanceOfficer", "Auditor" } });
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        }

        public async Task<Guid> PostAsync(string url, object body)
        {
            var json = await PostJsonAsync(url, body);
            return json.TryGetProperty("id", out var id) ? id.GetGuid() : Guid.Empty;
        }

        public async Task ReceiptAsync(Guid contribution, string reference) =>
            await PostAsync($"/api/contributions/{contribution}/receipts", new { amount = new { amount = 1m, currency = "CHF" },
                valueDate = "2026-02-01", bankReference = reference });

        public async Task<JsonElement> PostJsonAsync(string url, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("Authorization", $"Bearer {Token}");
            using var response = await http.SendAsync(request);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {json}");
            return json;
        }

        public async Task<(int Status, string Body)> PostRawAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url);
            request.Headers.Add("Authorization", $"Bearer {Token}");
            using var response = await http.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        public async Task<JsonElement> GetAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Authorization", $"Bearer {Token}");
            using var response = await http.SendAsync(request);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {json}");
            return json;
        }
    }
}
