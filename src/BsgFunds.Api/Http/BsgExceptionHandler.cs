using System.Globalization;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;

namespace BsgFunds.Api.Http;

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
        else if (exception is RefusedException { RetryAfterSeconds: { } seconds })
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
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
