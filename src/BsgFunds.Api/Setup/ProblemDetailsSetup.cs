using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

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
            JsonProblems.ExplainQuery(context.ProblemDetails);
            if (JsonProblems.Explain(context.ProblemDetails, context.HttpContext)) JsonProblems.LogRefused(context.HttpContext,
                context.ProblemDetails);
        });
        // After the default writer, which declines when the Accept header names neither JSON nor */* (a CSV report, say):
        // an error still gets its problem body instead of an empty answer.
        builder.Services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>();
        builder.Services.AddExceptionHandler<BsgExceptionHandler>();
        // Wolverine logs each unreadable JSON body as an error with its stack trace: a client could flood the logs with it.
        builder.Services.Replace(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(QuietBodyReadingLogger<>)));
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
public sealed partial class BsgExceptionHandler(IProblemDetailsService problems, ILogger<BsgExceptionHandler> logger) : IExceptionHandler
{
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
            _ => DatabaseFault(httpContext, exception),
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
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = Reliability.DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// PostgreSQL unreachable, restarting or cut off: 503 with Retry-After. Whether anything was written depends on whether
    /// the request had begun to commit, and the answer says which, so that a client knows whether a blind retry is safe.
    /// </summary>
    private ProblemDetails? DatabaseFault(HttpContext context, Exception exception)
    {
        var fault = Reliability.DatabaseFaults.Classify(exception, Reliability.CommitTracker.CommitAttempted(context));
        if (fault == Reliability.DatabaseFault.None) return null;

        // An outage is the operator's concern, once per request and without a stack trace: it is not a bug in this code.
        var (code, detail) = fault == Reliability.DatabaseFault.ConnectionLost
            ? (Reliability.DatabaseFaults.ConnectionLostCode,
                "The connection to the database was lost while this request was being saved, so the outcome is unknown; " +
                "read the resource before retrying, or retry with the same Idempotency-Key.")
            : (Reliability.DatabaseFaults.UnavailableCode,
                "The database cannot be reached right now; nothing was written. Retry after the Retry-After delay.");
        DatabaseFaultLogged(logger, code, context.Request.Method, context.Request.Path, exception.GetType().Name,
            exception.GetBaseException().Message);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service unavailable.",
            Type = Problems.TypeFor(code),
            Detail = detail,
            Extensions = { ["code"] = code },
        };
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Code} during {Method} {Path}: {ExceptionType}: {Reason}")]
    private static partial void DatabaseFaultLogged(ILogger logger, string code, string method, string path, string exceptionType, string reason);
}

/// <summary>
/// Writes problem details whatever the request's Accept header says; registered after ASP.NET's writer, so it only
/// answers what that one declines. RFC 9457 errors are the contract's one error format (api.md, Conventions).
/// </summary>
public sealed class AnyAcceptProblemDetailsWriter(IOptions<ProblemDetailsOptions> options, IOptions<HttpJsonOptions> json)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var response = context.HttpContext.Response;
        var problem = context.ProblemDetails;
        problem.Status ??= response.StatusCode;
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, "application/problem+json"));
    }
}

/// <summary>
/// The application's <see cref="ILogger{T}"/>, except for the one entry Wolverine writes, at error level with the
/// serializer's stack trace, for every request body that is not valid JSON. Such a body is the client's mistake: it
/// is answered 400 <c>json-invalid</c> and logged once at information level (<see cref="JsonProblems.LogRefused"/>).
/// </summary>
public sealed class QuietBodyReadingLogger<T>(ILoggerFactory factory) : ILogger<T>
{
    private const string WolverineBodyError = "Error trying to deserialize JSON from incoming HTTP body";
    private readonly ILogger<T> inner = new Logger<T>(factory);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is JsonException && IsWolverineBodyError(state)) return;
        inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private static bool IsWolverineBodyError<TState>(TState state) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> values
        && values.Any(v => v is { Key: "{OriginalFormat}", Value: string format }
            && format.StartsWith(WolverineBodyError, StringComparison.Ordinal));
}
