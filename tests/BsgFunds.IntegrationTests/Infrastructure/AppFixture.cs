using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Xunit;

namespace BsgFunds.IntegrationTests.Infrastructure;

/// <summary>One API host for the whole run, against the private PostgreSQL cluster that deploy/test.sh starts.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ThrowPath = "/__tests/throw";

    /// <summary>Loses its real database connection before or during a commit; see <see cref="LostConnection"/>.</summary>
    public const string LostConnectionPath = "/__tests/lost-connection";

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The application's clock; a test may move it and must put it back.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Every entry the application logged, with the correlation id of the request it belongs to.</summary>
    public CapturedLogs Logs { get; } = new();

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        // deploy/test.sh sets this; the default matches its cluster so the tests also run from an IDE.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")))
        {
            Environment.SetEnvironmentVariable("ConnectionStrings__Marten", "Host=127.0.0.1;Port=55433;Database=bsgfunds;Username=postgres");
        }

        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            // Tests wait for a signed head of what they wrote: sign often (production: every five seconds at most).
            builder.UseSetting("Audit:TreeHeads:Interval", "00:00:00.200");
            builder.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
                services.AddSingleton<IStartupFilter, ThrowingEndpointFilter>();
                services.AddSingleton<IStartupFilter, Contract.ContractValidation>();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        });
        using var http = Host.Server.CreateClient();
        Contract.ContractValidation.Document = OpenApi.ServedDocument.Parse(await http.GetStringAsync("/swagger/v1/swagger.json"));
    }

    public async Task DisposeAsync()
    {
        var report = Environment.GetEnvironmentVariable("BSGFUNDS_CONTRACT_REPORT");
        if (report is not null)
        {
            await File.WriteAllLinesAsync(report,
                [$"{Contract.ContractValidation.Checked} answers checked, {Contract.ContractValidation.Violations.Count} violations",
                 .. Contract.ContractValidation.Violations]);
        }

        await Host.DisposeAsync();
    }

    /// <summary>A request that reaches the end of the pipeline and throws, to prove unhandled errors become a 500 problem.</summary>
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(async context =>
            {
                if (context.Request.Path == ThrowPath) throw new InvalidOperationException("secret internal detail");
                if (context.Request.Path == LostConnectionPath)
                {
                    await LostConnection.Run(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
            });
        };
    }
}

/// <summary>
/// What a request meets when PostgreSQL goes away under it: the session holds a transaction on a real connection,
/// another connection terminates its backend, and the request then reads (nothing written) or commits (outcome unknown).
/// With <c>partial=true</c> it first writes part of an answer, as an endpoint may have done before the fault.
/// </summary>
internal static class LostConnection
{
    public static async Task Run(HttpContext context)
    {
        var store = context.RequestServices.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        await session.BeginTransactionAsync(context.RequestAborted);
        var pid = (await session.QueryAsync<int>("select pg_backend_pid()")).Single();
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand("select pg_terminate_backend(@pid, 5000)", admin);
            terminate.Parameters.AddWithValue("pid", pid);
            await terminate.ExecuteScalarAsync();
        }

        if (context.Request.Query["partial"] == "true") await context.Response.WriteAsync("{\"id\":");
        if (context.Request.Query["during"] == "commit")
        {
            session.Store(new BsgFunds.Api.Reliability.IdempotencyRecord { Id = $"lost-{Guid.NewGuid():N}", CreatedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync(context.RequestAborted);
        }
        else
        {
            await session.QueryAsync<int>("select 1");
        }

        throw new InvalidOperationException("The terminated connection answered; the test cannot simulate a lost connection.");
    }
}

/// <summary>Keeps every log entry in memory, with the correlation id of the request scope it was written in.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<LogEntry> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<LogEntry> For(string correlationId) => entries.Where(e => e.CorrelationId == correlationId).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string? correlationId = null;
            logs.scopes.ForEachScope((scope, _) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object>> values
                    && values.FirstOrDefault(v => v.Key == "CorrelationId").Value is string id)
                {
                    correlationId = id;
                }
            }, (object?)null);
            logs.entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, correlationId));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, string? CorrelationId);

public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// The golden scenario books facts up to 1 June of the current year, and facts may not be dated after today: before
    /// 2 June the application's clock stands at 2 June (Geneva noon), so the suite passes on any day of the year.
    /// </summary>
    public static readonly TimeSpan YearlyStart = Start();

    public TimeSpan Offset { get; set; } = YearlyStart;

    private static TimeSpan Start()
    {
        var now = System.GetUtcNow();
        var june = new DateTimeOffset(now.Year, 6, 2, 10, 0, 0, TimeSpan.Zero);
        return now < june ? june - now : TimeSpan.Zero;
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
