using System.Collections.Concurrent;
using BsgFunds.TestSupport;
using Npgsql;
using Xunit;

namespace BsgFunds.PortalTests;

/// <summary>
/// The API as a real process on loopback (Chromium needs a real socket), in Development for dev tokens, on a database
/// of its own so that it never shares projections with the integration tests' host; seeded through HTTP with two donors.
/// Configured as operators would: JSON logs on standard output (kept here) and OTLP export to a stand-in collector.
/// </summary>
public sealed class PortalSite : IAsyncLifetime
{
    public const int Year = 2026;
    public const string ServiceName = "bsgfunds-test-node";
    private readonly ConcurrentQueue<string> output = new();
    private ApiProcess? api;

    public OtlpCollector Collector { get; } = new(Ports.Free());

    /// <summary>The lines the API wrote to standard output so far.</summary>
    public IReadOnlyList<string> Output => output.ToList();

    public ApiClient Api { get; private set; } = null!;

    public Uri Address => Api.Address;
    public Guid DonorA { get; private set; }
    public Guid DonorB { get; private set; }
    public string DonorAName => "Fondation Alpha";
    public string DonorBName => "Beta Telecom";
    public string TokenA { get; private set; } = string.Empty;
    public string TokenB { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var connection = await CreateDatabaseAsync();
        var address = new Uri($"http://127.0.0.1:{Ports.Free()}");
        Api = new ApiClient(address, TimeSpan.FromSeconds(30));
        api = await ApiProcess.StartAsync(new ApiLaunch(ApiBuild.Dll(), address, connection)
        {
            Settings = new Dictionary<string, string>
            {
                ["Logging__LogLevel__BsgFunds"] = "Information",
                ["Logging__Console__FormatterName"] = "json",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Address.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_SERVICE_NAME"] = ServiceName,
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
                ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
                // A receipt's proof waits for the next signed tree head: half a second, not the five of production.
                ["Audit__TreeHeads__Interval"] = "00:00:00.500",
            },
            Output = output.Enqueue,
            StartLimit = TimeSpan.FromSeconds(90),
        });
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        if (api is not null) await api.DisposeAsync();
        Api.Dispose();
        Collector.Dispose();
    }

    public Task<string> TokenAsync(string role, string sub, Guid? donorId = null) => Api.DevTokenAsync(sub, $"Portal {sub}", [role], donorId);

    public async Task<HttpResponseMessage> PostAsync(string url, string token, object body, string? correlationId = null)
    {
        using var request = ApiClient.Request(HttpMethod.Post, url, token, body);
        if (correlationId is not null) request.Headers.Add("X-Correlation-Id", correlationId);
        return await Api.Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAsync(string url, string token, string accept = "application/json")
    {
        using var request = ApiClient.Request(HttpMethod.Get, url, token);
        request.Headers.Add("Accept", accept);
        return await Api.Http.SendAsync(request);
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

        await Api.SendJsonAsync(HttpMethod.Put, $"/api/budget/{Year}", fo, new
        {
            version = "Original",
            lines = new[]
            {
                new { programme = 3, use = "Fellowship", amountChf = 50_000m },
                new { programme = 1, use = "AssistanceAndConsultation", amountChf = 50_000m },
            },
        });
        DonorA = await Api.RegisterDonorAsync(fo, DonorAName, "Foundation", "CH");
        DonorB = await Api.RegisterDonorAsync(fo, DonorBName, "SectorMember", "FI");
        await ContributeAsync(fo, DonorA, 100_000m, new DateOnly(2026, 1, 5), "A-2026-1", new DateOnly(2026, 2, 2));

        var fellowships = await AllocateAsync(po, tsb, bdt, 3, "Fellowship", 10_000m);
        var consultation = await AllocateAsync(po, tsb, null, 1, "AssistanceAndConsultation", 20_000m);
        var fellow = new { name = "A. Ndiaye", personId = "SN-P1", countryCode = "SN", gender = "Female" };
        await DisburseAsync(po, po2, tsb, fo, fellowships, 4_000m, "Fellowship", fellow, "Full");
        await DisburseAsync(po, po2, tsb, fo, consultation, 12_000m, "Institution", new { name = "KENET", countryCode = "KE" }, null);
        await DisburseAsync(po, po2, tsb, fo, consultation, 3_250.50m, "Expert", new { name = "Consultant", countryCode = "BR" }, null);

        await ContributeAsync(fo, DonorB, 87_654m, new DateOnly(2026, 3, 1), "B-2026-1", new DateOnly(2026, 3, 20));
        TokenA = await TokenAsync("Donor", "portal-donor-a", DonorA);
        TokenB = await TokenAsync("Donor", "portal-donor-b", DonorB);
    }

    private Task ContributeAsync(string fo, Guid donor, decimal amount, DateOnly pledgedOn, string reference, DateOnly receivedOn) =>
        Api.ReceivedContributionAsync(fo, donor, amount, pledgedOn, new AgreementTerms(reference, pledgedOn, receivedOn), $"{reference}-R");

    private async Task<Guid> AllocateAsync(string po, string tsb, string? bdt, int programme, string use, decimal amountChf)
    {
        var allocation = await Api.PostForIdAsync("/api/allocations", po, new { year = Year, programme, use, title = $"{use} {Year}", amountChf });
        await Api.SendJsonAsync(HttpMethod.Post, $"/api/allocations/{allocation}/approve", tsb);
        if (bdt is not null) await Api.SendJsonAsync(HttpMethod.Post, $"/api/allocations/{allocation}/bdt-signoff", bdt);
        return allocation;
    }

    private async Task DisburseAsync(string po, string po2, string tsb, string fo, Guid allocation, decimal amountChf, string kind, object payee,
        string? fellowship)
    {
        var meeting = new { code = "SG17-2026-05", startsOn = "2026-05-04" };
        var body = fellowship is null
            ? (object)new { amountChf, kind, purpose = "BSG", payee }
            : new { amountChf, kind, purpose = "BSG", payee, meeting, fellowship };
        var disbursement = await Api.PostForIdAsync($"/api/allocations/{allocation}/disbursements", po, body);
        await Api.SendJsonAsync(HttpMethod.Post, $"/api/disbursements/{disbursement}/certify", po2);
        await Api.SendJsonAsync(HttpMethod.Post, $"/api/disbursements/{disbursement}/approve", tsb);
        await Api.SendJsonAsync(HttpMethod.Post, $"/api/disbursements/{disbursement}/pay", fo,
            new { paidOn = "2026-05-20", paymentReference = $"PAY-{disbursement.ToString()[..8]}" });
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
}
