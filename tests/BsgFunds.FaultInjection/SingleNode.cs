using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using BsgFunds.TestSupport;
using Npgsql;

namespace BsgFunds.FaultInjection;

/// <summary>
/// One API node behind a TCP relay to PostgreSQL (so that its connections can be cut), under a load of receipts while a
/// fault strikes; the relay and the API are started again for each scenario if a fault left them down.
/// </summary>
public sealed class SingleNode(string apiDll, string pgBin, string pgData, int pgPort, int relayPort, int apiPort, string? runAs)
{
    private const int Clients = 4;
    private static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(12);

    private readonly ApiClient client = new(new Uri($"http://127.0.0.1:{apiPort}"), TimeSpan.FromSeconds(10));
    private readonly ConcurrentBag<string> badAnswers = [];
    private volatile bool apiKilled;
    private ApiProcess? api;
    private Process? relay;
    private string token = string.Empty;

    private static string Connection(int port) =>
        $"Host=127.0.0.1;Port={port};Database=bsgfunds;Username=postgres;Timeout=3;Command Timeout=15;Pooling=false";

    public async Task<string> RunScenarioAsync(Func<SingleNode, Task> fault)
    {
        StartRelay();
        await StartApiAsync();
        var contribution = await SeedAsync();
        using var stop = new CancellationTokenSource(LoadTime);
        var acknowledged = new ConcurrentBag<string>();
        badAnswers.Clear();
        apiKilled = false;
        var load = Enumerable.Range(0, Clients).Select(c => ClientAsync(c, contribution, acknowledged, stop.Token))
            .Append(ReaderAsync(contribution, stop.Token)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await fault(this);
        await Task.WhenAll(load);

        // A database fault is a 503 the client can act on (a problem body and Retry-After), never a 500 or a cut-off body.
        if (!badAnswers.IsEmpty)
        {
            var examples = string.Join(" | ", badAnswers.Distinct().Take(3));
            throw new InvalidOperationException($"{badAnswers.Count} bad answers during the fault, e.g. {examples}");
        }

        // Every acknowledged receipt is in the ledger exactly once, and nothing else is.
        var stored = await ReceiptsAsync(contribution);
        var missing = acknowledged.Except(stored).ToList();
        var duplicates = stored.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var unacknowledged = stored.Except(acknowledged).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"{missing.Count} acknowledged receipts lost, e.g. {missing[0]}");
        if (duplicates.Count > 0) throw new InvalidOperationException($"{duplicates.Count} receipts applied twice, e.g. {duplicates[0]}");
        if (unacknowledged.Count > 0) throw new InvalidOperationException($"{unacknowledged.Count} receipts stored that no client saw acknowledged");

        var caughtUp = await CaughtUpAsync(TimeSpan.FromSeconds(60));
        var balance = await GetJsonAsync("/api/reports/trial-balance");
        if (balance.GetProperty("totalDebitsChf").GetDecimal() != balance.GetProperty("totalCreditsChf").GetDecimal())
            throw new InvalidOperationException("the trial balance does not balance");
        var received = (await GetJsonAsync($"/api/contributions/{contribution}")).GetProperty("receivedChf").GetDecimal();
        if (received != acknowledged.Count)
        {
            throw new InvalidOperationException(
                $"contribution shows CHF {received} received for {acknowledged.Count} acknowledged receipts of CHF 1");
        }

        return $"{acknowledged.Count} receipts acknowledged, all stored once; trial balance zero; "
            + $"projections caught up in {caughtUp.TotalSeconds:0.0} s";
    }

    private async Task ClientAsync(int client, Guid contribution, ConcurrentBag<string> acknowledged,
        CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var reference = $"C{client}-{n}-{Guid.NewGuid():N}";
            var key = $"key-{reference}";
            // Retry the same command with the same key until it is acknowledged: at least once, and thanks to the key, at most once.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using var request = ApiClient.Request(HttpMethod.Post, $"/api/contributions/{contribution}/receipts", token,
                        new { amount = Seeding.Chf(1m), valueDate = "2026-02-01", bankReference = reference });
                    request.Headers.Add("Idempotency-Key", key);
                    var (response, answer) = await SendCheckedAsync(request);
                    using var _ = response;
                    if ((int)response.StatusCode == 201 || answer.Contains("idempotency-key-applied", StringComparison.Ordinal))
                    {
                        acknowledged.Add(reference);
                        break;
                    }

                    if ((int)response.StatusCode is 409 or >= 500 or 429) await Task.Delay(200);
                    else throw new InvalidOperationException($"receipt refused with {(int)response.StatusCode}: {answer}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    await Task.Delay(200);
                }
            }
        }
    }

    /// <summary>Reads while the fault lasts, so that GETs, CSV reports and readiness are held to the same rule as commands.</summary>
    private async Task ReaderAsync(Guid contribution, CancellationToken stop)
    {
        var reads = new (string Url, string Accept)[]
        {
            ($"/api/contributions/{contribution}", "application/json"),
            ("/api/reports/trial-balance", "text/csv"),
            ("/health/ready", "application/json"),
        };
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var (url, accept) = reads[n % reads.Length];
            try
            {
                using var request = ApiClient.Request(HttpMethod.Get, url, token);
                request.Headers.Add("Accept", accept);
                var (response, _) = await SendCheckedAsync(request);
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Sends a request and records any answer that breaks the rule for faults; a cut-off body counts too, except in the
    /// scenario that kills the API, where a body cut off by the kill is expected.
    /// </summary>
    private async Task<(HttpResponseMessage Response, string Body)> SendCheckedAsync(HttpRequestMessage request)
    {
        var response = await client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var status = (int)response.StatusCode;
        var what = $"{request.Method} {request.RequestUri} answered {status}";
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            if (!apiKilled) badAnswers.Add($"{what} with a cut-off body ({e.Message})");
            response.Dispose();
            throw;
        }

        if (status == 500) badAnswers.Add($"{what}: {Shorten(body)}");
        if (status == 503)
        {
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && IsProblem(body);
            if (!problem || response.Headers.RetryAfter is null)
                badAnswers.Add($"{what} without {(problem ? "Retry-After" : "a problem body")}: '{Shorten(body)}'");
        }

        return (response, body);
    }

    private static bool IsProblem(string body)
    {
        try
        {
            var json = JsonSerializer.Deserialize<JsonElement>(body);
            return json.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number && json.TryGetProperty("detail", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public async Task StopPostgresAsync()
    {
        await RunAsync(Path.Combine(pgBin, "pg_ctl"), $"-D {pgData} -m immediate -w stop", asOwner: true);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await RunAsync(Path.Combine(pgBin, "pg_ctl"), $"-D {pgData} -w start -l {pgData}/../server.log", asOwner: true);
    }

    public async Task KillAndRestartApiAsync()
    {
        apiKilled = true;
        await api!.DisposeAsync();
        api = null;
        await Task.Delay(500);
        await StartApiAsync();
    }

    public async Task RestartPostgresImmediateAsync()
    {
        await RunAsync(Path.Combine(pgBin, "pg_ctl"), $"-D {pgData} -m immediate -w restart -l {pgData}/../server.log", asOwner: true);
    }

    public async Task CutRelayAsync()
    {
        relay!.Kill(entireProcessTree: true);
        await Task.Delay(TimeSpan.FromSeconds(5));
        StartRelay();
    }

    private void StartRelay()
    {
        if (relay is { HasExited: false }) return;
        relay = Process.Start(new ProcessStartInfo("socat",
            $"TCP-LISTEN:{relayPort},bind=127.0.0.1,reuseaddr,fork TCP:127.0.0.1:{pgPort}") { UseShellExecute = false })!;
    }

    private async Task StartApiAsync()
    {
        if (api is { HasExited: false }) return;
        if (api is not null) await api.DisposeAsync();
        api = await ApiProcess.StartAsync(new ApiLaunch(apiDll, client.Address, Connection(relayPort)) { HealthPath = "/health/live" });
    }

    private async Task<Guid> SeedAsync()
    {
        token = await client.DevTokenAsync("fault-officer", "Fault officer", ["FinanceOfficer", "Auditor"]);
        var donor = await client.RegisterDonorAsync(token, "Fault donor", "Foundation");
        var contribution = await client.PledgeAsync(token, donor, 10_000_000m, new DateOnly(2026, 1, 5));
        await client.SignAgreementAsync(token, contribution, 10_000_000m,
            new AgreementTerms($"F-{contribution:N}", new DateOnly(2026, 1, 15), new DateOnly(2026, 6, 30), PscRatePercent: 0m));
        return contribution;
    }

    private Task<JsonElement> GetJsonAsync(string url) => client.GetJsonAsync(url, token);

    private async Task<List<string>> ReceiptsAsync(Guid contribution)
    {
        await using var connection = new NpgsqlConnection(Connection(pgPort));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data->>'BankReference' from bsgfunds.mt_events where stream_id = @id and type = 'contribution_received'", connection);
        command.Parameters.AddWithValue("id", contribution);
        var references = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) references.Add(reader.GetString(0));
        return references;
    }

    private async Task<TimeSpan> CaughtUpAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        long last;
        await using (var connection = new NpgsqlConnection(Connection(pgPort)))
        {
            await connection.OpenAsync();
            last = (long)(await new NpgsqlCommand("select coalesce(max(seq_id), 0) from bsgfunds.mt_events", connection).ExecuteScalarAsync())!;
        }

        while (clock.Elapsed < limit)
        {
            try
            {
                using var ready = await client.Http.GetAsync("/health/ready");
                var balance = await GetJsonAsync("/api/reports/trial-balance");
                var book = await GetJsonAsync($"/api/reports/line-items?year=2026");
                if (ready.IsSuccessStatusCode && balance.GetProperty("lastSequence").GetInt64() >= LastMoneySequence(last)
                    && book.GetProperty("lastSequence").GetInt64() >= last)
                    return clock.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException
                or InvalidOperationException)
            {
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"projections did not catch up to sequence {last} within {limit.TotalSeconds} s");
    }

    // The last events are receipts (money events), so the ledger projection reaches the same sequence.
    private static long LastMoneySequence(long last) => last;

    public async Task StopAsync()
    {
        if (api is not null) await api.DisposeAsync();
        api = null;
        if (relay is { HasExited: false }) relay.Kill(entireProcessTree: true);
    }

    private async Task RunAsync(string file, string arguments, bool asOwner)
    {
        var start = asOwner && runAs is not null
            ? new ProcessStartInfo("runuser", $"-u {runAs} -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.UseShellExecute = false;
        start.WorkingDirectory = "/";
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}");
    }
}
