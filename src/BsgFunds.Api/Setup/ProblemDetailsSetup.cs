using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace BsgFunds.Api.Setup;

/// <summary>
/// Every error is RFC 9457 problem details: validation and refusals, unknown routes and methods, malformed
/// JSON, unknown properties, concurrency conflicts and unhandled exceptions (without stack traces).
/// </summary>
public static class ProblemDetailsSetup
{
    public static WebApplicationBuilder AddBsgProblemDetails(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>()
            .Configure<TimeProvider, IHttpContextAccessor>((options, clock, http) => RequestBounds.Apply(options.SerializerOptions, clock, http));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["correlationId"] = CorrelationIdMiddleware.Of(context.HttpContext);
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status);
            JsonProblems.Explain(context.ProblemDetails, context.HttpContext);
        });
        builder.Services.AddExceptionHandler<BsgExceptionHandler>();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // A misspelt or unexpected field is an error, not something to ignore silently.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static WebApplication UseBsgProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static string? DefaultDetail(int? status) => status switch
    {
        401 => "Sign in: send a valid bearer token in the Authorization header.",
        403 => "Your role does not allow this request.",
        404 => "There is nothing at this address, or it is not yours to see.",
        405 => "This address does not accept that HTTP method.",
        413 => "The request body is too large.",
        415 => "Send the body as application/json.",
        _ => null,
    };
}

/// <summary>Maps exceptions to problem details; anything unexpected is a 500 that says only that it was logged.</summary>
public sealed class BsgExceptionHandler(IProblemDetailsService problems, ILogger<BsgExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>PostgreSQL unreachable, restarting or cut off: the request failed fast and wrote nothing; retry later.</summary>
    private static bool DatabaseUnavailable(Exception e) => e switch
    {
        Npgsql.NpgsqlException { IsTransient: true } => true,
        Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" } => true,
        TimeoutException or System.Net.Sockets.SocketException => true,
        _ => e.InnerException is { } inner && DatabaseUnavailable(inner),
    };

    private ProblemDetails Unavailable(HttpContext context)
    {
        logger.LogWarning("PostgreSQL unavailable during {Method} {Path}", context.Request.Method, context.Request.Path);
        return Problems.From(new Domain.Refusal(Domain.RefusalKind.Conflict, "database-unavailable",
            "The database cannot be reached right now; nothing was written. Retry after the Retry-After delay.")) is var p
            ? new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Service unavailable.", Detail = p.Detail, Type = p.Type, Extensions = { ["code"] = "database-unavailable" } }
            : null!;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RefusedException refused => Problems.From(refused.Refusal),
            ConcurrencyException => Problems.From(new Domain.Refusal(Domain.RefusalKind.Conflict, "concurrent-change",
                "Someone else changed this record at the same time; read it again and retry.")),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request is invalid.", Detail = bad.Message },
            DocumentAlreadyExistsException { DocType: var t } when t == typeof(Reliability.IdempotencyRecord) =>
                Problems.From(new Domain.Refusal(Domain.RefusalKind.Conflict, "idempotency-key-in-flight",
                    "Another request with this Idempotency-Key was processed at the same time; retry to get its answer.")),
            _ when DatabaseUnavailable(exception) => Unavailable(httpContext),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged with this response's correlation id; nothing was written.",
            };
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
