using System.Diagnostics;

namespace BsgFunds.Api.Telemetry;

public static partial class CommandTelemetryMiddleware
{
    public static IApplicationBuilder UseCommandTelemetry(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var status = 500;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            // The route pattern, not the path: ids would make every command its own series.
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            var command = $"{context.Request.Method} {(route is null ? "unmatched" : "/" + route.TrimStart('/'))}";
            var elapsed = Stopwatch.GetElapsedTime(started);
            context.RequestServices.GetRequiredService<CommandMetrics>().Record(command, status, elapsed);
            Log(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BsgFunds.Commands"),
                command, status, CommandMetrics.Outcome(status), elapsed.TotalMilliseconds, CorrelationIdMiddleware.Of(context));
        }
    });

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "{Command} {Outcome} with {StatusCode} in {ElapsedMs:0.0} ms (correlation id {CorrelationId})")]
    private static partial void Log(ILogger logger, string command, int statusCode, string outcome, double elapsedMs, string correlationId);
}
