using System.Globalization;
using System.Text.Json;
using BsgFunds.Api.Setup.Health;
using Marten.Events.Daemon;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime;

namespace BsgFunds.Api.Setup;

/// <summary>
/// /health/live answers while the process runs; /health/ready only while the database answers and no projection is
/// stalled or failed.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static WebApplicationBuilder AddBsgHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: [Ready])
            .AddMartenAsyncDaemonHealthCheck(maxEventLag: 1000, maxSameLagTime: TimeSpan.FromSeconds(30));
        return builder;
    }

    public static WebApplication MapBsgHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready) || check.Tags.Contains("AsyncDaemon"),
            ResponseWriter = WriteReport,
        }).AllowAnonymous();
        return app;
    }

    private static async Task WriteReport(HttpContext context, HealthReport report)
    {
        var node = context.RequestServices.GetRequiredService<IWolverineRuntime>().Options.UniqueNodeId;
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        if (report.Status != HealthStatus.Unhealthy)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString(), node, checks }));
            return;
        }

        // Not ready is a 503 like any other (api.md): a problem body that says why, and when to ask again.
        var failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => $"{e.Key}: {e.Value.Description}");
        context.Response.Headers.RetryAfter = Reliability.DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = Problems.TypeFor(NotReadyCode),
                Title = "Not ready.",
                Detail = $"This node cannot serve requests yet ({string.Join("; ", failing)}). Retry after the Retry-After delay.",
                Extensions = { ["code"] = NotReadyCode, ["health"] = report.Status.ToString(), ["node"] = node, ["checks"] = checks },
            },
        });
    }

    public const string NotReadyCode = "not-ready";
}
