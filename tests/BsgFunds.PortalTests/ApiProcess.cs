using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Npgsql;
using Xunit;

namespace BsgFunds.PortalTests;

/// <summary>
/// The API as a real process on loopback (Chromium needs a real socket), in Development for dev tokens, on a database
/// of its own so that it never shares projections with the integration tests' host; seeded through HTTP with two donors.
/// Configured as operators would: JSON logs on standard output (kept here) and OTLP export to a stand-in collector.
/// </summary>
public sealed class ApiProcess : IAsyncLifetime
{
    public const int Year = 2026;
    public const string ServiceName = "bsgfunds-test-node";
    private readonly ConcurrentQueue<string> output = new();
    private Process? api;

    public OtlpCollector Collector { get; } = new(FreePort());

    /// <summary>The lines the API wrote to standard output so far.</summary>
    public IReadOnlyList<string> Output => output.ToList();

    public Uri Address { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public Guid DonorA { get; private set; }
    public Guid DonorB { get; private set; }
    public string DonorAName => "Fondation Alpha";
    public string DonorBName => "Beta Telecom";
    public string TokenA { get; private set; } = string.Empty;
    public string TokenB { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var connection = await CreateDatabaseAsync();
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var dll = ApiDll();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {Address}")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Marten"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__BsgFunds"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "json";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Address.ToString().TrimEnd('/');
        start.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        start.Environment["OTEL_SERVICE_NAME"] = ServiceName;
        start.Environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        start.Environment["OTEL_BSP_SCHEDULE_DELAY"] = "500";
        start.Environment["OTEL_BLRP_SCHEDULE_DELAY"] = "500";
        api = Process.Start(start)!;
        api.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        api.ErrorDataReceived += (_, _) => { };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        await WaitForAsync(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(90),
            "the API to become ready");
        await SeedAsync();
    }

    public Task DisposeAsync()
    {
        if (api is { HasExited: false }) api.Kill(entireProcessTree: true);
        api?.WaitForExit();
        Http.Dispose();
        Collector.Dispose();
        return Task.CompletedTask;
    }

    public async Task<string> TokenAsync(string role, string sub, Guid? donorId = null)
    {
        var response = await Http.PostAsJsonAsync("/api/dev/token", new { sub, name = $"Portal {sub}", roles = new[] { role }, donorId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, string token, object body, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Authorization", $"Bearer {token}");
        if (correlationId is not null) request.Headers.Add("X-Correlation-Id", correlationId);
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string url, string token, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Authorization", $"Bearer {token}");
        request.Headers.Add("Accept", accept);
        return await Http.SendAsync(request);
    }

    // Donor A's money pays for a fellowship (programme 3, Senegal), an institution (programme 1, Kenya) and an expert
    // (programme 1, Brazil); donor B's arrives after the approvals, so none of it is spent.
    private async Task SeedAsync()
    {
        var fo = await TokenAsync("FinanceOfficer", "portal-fo");
        var po = await TokenAsync("ProgrammeOfficer", "portal-po");
        var po2 = await TokenAsync("ProgrammeOfficer", "portal-po2");
        var tsb = await TokenAsync("TsbDirector", "portal-tsb");
        var bdt = await TokenAsync("BdtDirector", "portal-bdt");

        await SendAsync(fo, HttpMethod.Put, $"/api/budget/{Year}", new
        {
            version = "Original",
            lines = new[] { new { programme = 3, use = "Fellowship", amountChf = 50_000m }, new { programme = 1, use = "AssistanceAndConsultation",
                amountChf = 50_000m } },
        });
        DonorA = await IdAsync(fo, "/api/donors", new { name = DonorAName, type = "Foundation", countryCode = "CH" });
        DonorB = await IdAsync(fo, "/api/donors", new { name = DonorBName, type = "SectorMember", countryCode = "FI" });
        await ContributeAsync(fo, DonorA, 100_000m, "2026-01-05", "A-2026-1", "2026-02-02");

        var fellowships = await AllocateAsync(po, tsb, bdt, 3, "Fellowship", 10_000m);
        var consultation = await AllocateAsync(po, tsb, null, 1, "AssistanceAndConsultation", 20_000m);
        await DisburseAsync(po, po2, tsb, fo, fellowships, 4_000m, "Fellowship", new { name = "A. Ndiaye", personId = "SN-P1", countryCode = "SN",
            gender = "Female" }, "Full");
        await DisburseAsync(po, po2, tsb, fo, consultation, 12_000m, "Institution", new { name = "KENET", countryCode = "KE" }, null);
        await DisburseAsync(po, po2, tsb, fo, consultation, 3_250.50m, "Expert", new { name = "Consultant", countryCode = "BR" }, null);

        await ContributeAsync(fo, DonorB, 87_654m, "2026-03-01", "B-2026-1", "2026-03-20");
        TokenA = await TokenAsync("Donor", "portal-donor-a", DonorA);
        TokenB = await TokenAsync("Donor", "portal-donor-b", DonorB);
    }

    private async Task ContributeAsync(string fo, Guid donor, decimal amount, string pledgedOn, string reference, string receivedOn)
    {
        var contribution = await IdAsync(fo, "/api/contributions", new { donorId = donor, source = "OtherVoluntary", amount = new { amount,
            currency = "CHF" }, pledgedOn });
        await SendAsync(fo, HttpMethod.Post, $"/api/contributions/{contribution}/agreement", new
        {
            signedOn = pledgedOn, reference, amount = new { amount, currency = "CHF" }, instalments = new[] { new { dueOn = receivedOn, amount } },
        });
        await SendAsync(fo, HttpMethod.Post, $"/api/contributions/{contribution}/receipts", new { amount = new { amount, currency = "CHF" },
            valueDate = receivedOn, bankReference = $"{reference}-R" });
    }

    private async Task<Guid> AllocateAsync(string po, string tsb, string? bdt, int programme, string use, decimal amountChf)
    {
        var allocation = await IdAsync(po, "/api/allocations", new { year = Year, programme, use, title = $"{use} {Year}", amountChf });
        await SendAsync(tsb, HttpMethod.Post, $"/api/allocations/{allocation}/approve", null);
        if (bdt is not null) await SendAsync(bdt, HttpMethod.Post, $"/api/allocations/{allocation}/bdt-signoff", null);
        return allocation;
    }

    private async Task DisburseAsync(string po, string po2, string tsb, string fo, Guid allocation, decimal amountChf, string kind, object payee,
        string? fellowship)
    {
        var body = fellowship is null
            ? (object)new { amountChf, kind, purpose = "BSG", payee }
            : new { amountChf, kind, purpose = "BSG", payee, meeting = new { code = "SG17-2026-05", startsOn = "2026-05-04" }, fellowship };
        var disbursement = await IdAsync(po, $"/api/allocations/{allocation}/disbursements", body);
        await SendAsync(po2, HttpMethod.Post, $"/api/disbursements/{disbursement}/certify", null);
        await SendAsync(tsb, HttpMethod.Post, $"/api/disbursements/{disbursement}/approve", null);
        await SendAsync(fo, HttpMethod.Post, $"/api/disbursements/{disbursement}/pay", new { paidOn = "2026-05-20",
            paymentReference = $"PAY-{disbursement.ToString()[..8]}" });
    }

    private async Task<Guid> IdAsync(string token, string url, object body) =>
        (await SendAsync(token, HttpMethod.Post, url, body)).GetProperty("id").GetGuid();

    private async Task<JsonElement> SendAsync(string token, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Authorization", $"Bearer {token}");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Marten (deploy/test.sh does) to a PostgreSQL server the tests may use.");
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false };
        var portal = new NpgsqlConnectionStringBuilder(configured) { Database = "bsgfunds_portal" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("drop database if exists bsgfunds_portal with (force)", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand("create database bsgfunds_portal", connection).ExecuteNonQueryAsync();
        return portal.ConnectionString;
    }

    private static string ApiDll()
    {
        // This project is built beside the API with the same configuration: tests/BsgFunds.PortalTests/bin/<Configuration>/net10.0/.
        var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BsgFunds.sln"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("BsgFunds.sln not found above the test folder"),
            "src", "BsgFunds.Api", "bin", configuration, here.Name, "BsgFunds.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The API is not built at {dll}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitForAsync(Func<Task<bool>> done, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await done()) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}.");
    }
}

[CollectionDefinition(Name)]
public sealed class ApiProcessCollection : ICollectionFixture<ApiProcess>
{
    public const string Name = "API process";
}
