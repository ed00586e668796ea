using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BsgFunds.Api.Telemetry;

/// <summary>
/// OpenTelemetry (docs/operations.md, Telemetry): traces of requests, database commands, Wolverine and Marten; metrics
/// of requests, commands by type and outcome, projection lag and the runtime; exported over OTLP to wherever the
/// standard variables point (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME, …).
/// Off unless an endpoint is configured, so a developer's machine sends nothing anywhere.
/// </summary>
public static class TelemetrySetup
{
    public const string DefaultServiceName = "bsgfunds-api";

    public static bool Enabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static WebApplicationBuilder AddBsgTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CommandMetrics>();
        // Log lines carry the trace and span ids, so that logs, traces and the ledger's correlation id join up.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!Enabled(builder.Configuration)) return builder;

        builder.Services.AddHostedService<ProjectionLagSampler>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql()
                .AddSource("Wolverine", "Marten"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(CommandMetrics.MeterName, "Marten", "Wolverine:*"))
            .WithLogging(_ => { }, o => o.IncludeScopes = true)
            .UseOtlpExporter();
        return builder;
    }
}
