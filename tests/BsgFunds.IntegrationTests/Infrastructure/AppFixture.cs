using Alba;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Xunit;

namespace BsgFunds.IntegrationTests.Infrastructure;

/// <summary>One API host for the whole run, against the private PostgreSQL cluster that deploy/test.sh starts.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ThrowPath = "/__tests/throw";

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>The application's clock; a test may move it and must put it back.</summary>
    public TestClock Clock { get; } = new();

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
            builder.ConfigureServices(services =>
            {
                services.DisableAllExternalWolverineTransports();
                services.RunWolverineInSoloMode();
                services.AddSingleton<IStartupFilter, ThrowingEndpointFilter>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A request that reaches the end of the pipeline and throws, to prove unhandled errors become a 500 problem.</summary>
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context =>
            {
                if (context.Request.Path == ThrowPath) throw new InvalidOperationException("secret internal detail");
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        };
    }
}

public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
