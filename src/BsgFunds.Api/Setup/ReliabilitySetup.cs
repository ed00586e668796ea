using System.Threading.RateLimiting;
using BsgFunds.Api.Reliability;
using Npgsql;
using Polly;
using Polly.Retry;

namespace BsgFunds.Api.Setup;

/// <summary>Idempotency keys, request limits, rate limiting and resilience to database faults.</summary>
public static class ReliabilitySetup
{
    public static WebApplicationBuilder AddBsgReliability(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection("Limits").Get<LimitOptions>() ?? new LimitOptions();
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.ConfigureMarten((services, opts) =>
        {
            opts.Listeners.Add(new IdempotencyListener(services.GetRequiredService<IHttpContextAccessor>(),
                services.GetRequiredService<TimeProvider>()));
            opts.Listeners.Add(new CommitTracker(services.GetRequiredService<IHttpContextAccessor>()));

            // Reads retry a transient fault a few times, with jittered backoff; commits keep Marten's narrower defaults,
            // because replaying a commit whose outcome is unknown could append events twice.
            opts.ConfigurePolly(pipeline => pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient).Handle<TimeoutException>(),
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
            }));
        });
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(Claims.Subject)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<LimitOptions>().RequestsPerSecondPerCaller,
                    Window = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = Problems.From(new Domain.Refusal(Domain.RefusalKind.RuleBroken, "rate-limited",
                        $"More than {limits.RequestsPerSecondPerCaller} requests in a second from this caller; retry after a second.")) is var p
                        ? Override(p, StatusCodes.Status429TooManyRequests, "Too many requests.")
                        : null!,
                });
            };
        });
        return builder;
    }

    public static WebApplication UseBsgReliability(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            Reliability.CommitTracker.Begin(context);
            return next(context);
        });
        // Kestrel enforces the body limit too; this refuses a declared oversize body early on any server.
        app.Use(async (context, next) =>
        {
            var limit = BodyLimit(context);
            if (context.Request.ContentLength > limit)
            {
                var problem = Problems.From(new Domain.Refusal(Domain.RefusalKind.Invalid, "request-too-large",
                    $"The request body is larger than {limit} bytes.", "body"));
                problem.Status = StatusCodes.Status413PayloadTooLarge;
                problem.Title = "The request body is too large.";
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
                return;
            }

            await next(context);
        });
        app.UseRateLimiter();
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }

    /// <summary>
    /// The largest body this request may send: a bank statement is a document of up to BankStatements:MaxStatementBytes, every
    /// other body a small command. Kestrel is told too, so a body sent without Content-Length stops at the same size.
    /// </summary>
    private static long BodyLimit(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<LimitOptions>().MaxRequestBodyBytes;
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != BankStatements.ImportBankStatementEndpoint.Route) return limit;
        limit = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<BankStatements.BankStatementOptions>>()
            .Value.MaxStatementBytes;
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = limit;
        return limit;
    }

    /// <summary>The connection string with bounded waits: a request never hangs long on an unreachable database.</summary>
    public static string WithTimeouts(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) builder.Timeout = 3;
        if (!connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase)) builder.CommandTimeout = 30;
        // Every command opens a pooled connection; resetting it (DISCARD ALL) on each return cost the server a reset per
        // statement and threw away prepared statements. Nothing here leaves session state behind (locks are
        // transaction-scoped), so skip the reset and let Npgsql prepare the statements it sees repeatedly
        // (docs/performance.md). An operator's connection string may still set either.
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase)) builder.NoResetOnClose = true;
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Override(Microsoft.AspNetCore.Mvc.ProblemDetails problem, int status, string title)
    {
        problem.Status = status;
        problem.Title = title;
        return problem;
    }
}
