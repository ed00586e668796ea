using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using BsgFunds.TestSupport;
using Microsoft.Playwright;
using Npgsql;
using Xunit;

namespace BsgFunds.ConsoleTests;

/// <summary>
/// One API process on loopback (Development, for dev tokens) on a database of its own, one headless Chromium driven by
/// Playwright, shared by every console test. Seeded through HTTP with this year's budget and one funded donor; each test
/// adds what it needs under its own names. Every browser context refuses requests that leave loopback and records them.
/// </summary>
public sealed class ConsoleSite : IAsyncLifetime
{
    public static readonly int Year = DateTime.UtcNow.Year;
    private readonly ConcurrentQueue<string> output = new();
    private ApiProcess? api;
    private IPlaywright? playwright;

    public ApiClient Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string ConnectionString { get; private set; } = string.Empty;
    public Uri Address => Api.Address;
    public Guid FundedDonor { get; private set; }
    public ConcurrentBag<string> Foreign { get; } = [];

    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "BsgFunds.sln"))) folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException("BsgFunds.sln not found above the test's folder.");
        }
    }

    /// <summary>
    /// Where the screenshots and measurements go: docs/console (committed, shown by docs/console.md) only when
    /// BSGFUNDS_UPDATE_SCREENSHOTS=1, so an ordinary run leaves a developer's checkout clean; else a folder of the test run.
    /// </summary>
    public static string Shots { get; } = MakeShots();

    private static string MakeShots()
    {
        var folder = Environment.GetEnvironmentVariable("BSGFUNDS_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot, "docs", "console")
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "console");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string ConsoleFolder => Path.Combine(RepositoryRoot, "src", "BsgFunds.Console");

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        var address = new Uri($"http://127.0.0.1:{Ports.Free()}");
        Api = new ApiClient(address, TimeSpan.FromSeconds(30));
        api = await ApiProcess.StartAsync(new ApiLaunch(ApiBuild.Dll(), address, ConnectionString)
        {
            Output = output.Enqueue,
            StartLimit = TimeSpan.FromSeconds(90),
        });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BSGFUNDS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var fo = await TokenAsync("FinanceOfficer", "seed-fo");
        await Api.SendJsonAsync(HttpMethod.Put, $"/api/budget/{Year}", fo, new
        {
            version = "Original",
            lines = new[]
            {
                new { programme = 3, use = "Fellowship", amountChf = 200_000m },
                new { programme = 1, use = "AssistanceAndConsultation", amountChf = 100_000m },
            },
        });
        FundedDonor = await Api.RegisterDonorAsync(fo, "Fondation Console", "Foundation", "CH");
        var on = new DateOnly(Year, 1, 2);
        await Api.ReceivedContributionAsync(fo, FundedDonor, 250_000m, on, new AgreementTerms("FC-1", on, on), "FC-1-R");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (api is not null) await api.DisposeAsync();
        Api.Dispose();
    }

    public Task<string> TokenAsync(string role, string sub, Guid? donorId = null) => Api.DevTokenAsync(sub, $"Console {sub}", [role], donorId);

    /// <summary>A browser context whose requests stay on loopback: any other is aborted and remembered.</summary>
    public async Task<IBrowserContext> ContextAsync(bool recordForeign = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true, Locale = "en-US" });
        await context.RouteAsync("**/*", async route =>
        {
            var host = new Uri(route.Request.Url).Host;
            if (host is "127.0.0.1" or "localhost") await route.ContinueAsync();
            else
            {
                if (recordForeign) Foreign.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return context;
    }

    /// <summary>A page signed in through the console's own development sign-in (role picker), once its first page shows.</summary>
    public async Task<IPage> SignInAsync(string role, string sub, string hash = "#/inbox")
    {
        var context = await ContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Address, "/console/").ToString());
        await page.GetByLabel("Role").SelectOptionAsync(role);
        await page.GetByLabel("Person (sub)").FillAsync(sub);
        await page.GetByLabel("Name").FillAsync($"Console {sub}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        await GoAsync(page, hash);
        return page;
    }

    /// <summary>Opens a page of the console and waits until it has drawn with the API's data.</summary>
    public static async Task GoAsync(IPage page, string hash)
    {
        var current = new Uri(page.Url).Fragment;
        if (current == hash) await page.ReloadAsync();
        else await page.EvaluateAsync("h => { location.hash = h; }", hash);
        await page.WaitForFunctionAsync("h => document.getElementById('main').getAttribute('data-hash') === h", hash);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public async Task<JsonElement> GetAsync(string url, string role = "Auditor") =>
        await Api.GetJsonAsync(url, await TokenAsync(role, "check-" + role));

    /// <summary>A new P-256 key for the Production-mode API of the sign-in test (tree heads are signed everywhere but Development).</summary>
    public static string NewTreeHeadKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static Process StartNode(string script, IEnumerable<string> arguments, ConcurrentQueue<string> lines)
    {
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = ConsoleFolder };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Marten (deploy/test.sh does) to a PostgreSQL server the tests may use.");
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false };
        var console = new NpgsqlConnectionStringBuilder(configured) { Database = "bsgfunds_console" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("drop database if exists bsgfunds_console with (force)", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand("create database bsgfunds_console", connection).ExecuteNonQueryAsync();
        return console.ConnectionString;
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleSiteCollection : ICollectionFixture<ConsoleSite>
{
    public const string Name = "Console site";
}
