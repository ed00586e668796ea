using System.Security.Cryptography;
using System.Text;

namespace BsgFunds.Api.Reliability;

/// <summary>
/// Idempotency-Key on POST and PUT (Stripe's and the IETF draft's semantics): the same key with the same body
/// within 24 hours answers the first response again and writes nothing; with another body, 422; while the first is
/// still running, 409. Keys are scoped to the caller (the token's sub).
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A committed request whose answer is still missing after this long will never get one (its server stopped).</summary>
    public static readonly TimeSpan AnswerLostAfter = TimeSpan.FromSeconds(15);

    public async Task InvokeAsync(HttpContext context, IDocumentStore store, IProblemDetailsService problems, TimeProvider clock)
    {
        var key = context.Request.Headers[Header].ToString();
        var method = context.Request.Method;
        if (key.Length == 0 || !HttpMethods.IsPost(method) && !HttpMethods.IsPut(method) || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (key.Length > 255)
        {
            await Problem(context, problems, Refusal.Invalid("idempotency-key-invalid", "An Idempotency-Key is 1 to 255 characters.", Header));
            return;
        }

        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;
        var requestHash = Hash(
            $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}\n{Convert.ToBase64String(body.ToArray())}");
        var recordId = Hash($"{context.User.FindFirst(Claims.Subject)?.Value}\n{key}");

        await using (var session = store.QuerySession())
        {
            var existing = await session.LoadAsync<IdempotencyRecord>(recordId, context.RequestAborted);
            if (existing is not null && existing.CreatedAt + Lifetime > clock.GetUtcNow())
            {
                if (existing.RequestHash != requestHash)
                {
                    await Problem(context, problems, Refusal.RuleBroken("idempotency-key-reused",
                        "This Idempotency-Key was used with a different request; use a new key for a new request."));
                }
                else if (existing.StatusCode is { } status)
                {
                    context.Response.StatusCode = status;
                    context.Response.Headers["Idempotent-Replayed"] = "true";
                    if (existing.Location is not null) context.Response.Headers.Location = existing.Location;
                    if (existing.ContentType is not null) context.Response.ContentType = existing.ContentType;
                    await context.Response.WriteAsync(existing.Body ?? string.Empty, context.RequestAborted);
                }
                else if (existing.CreatedAt + AnswerLostAfter < clock.GetUtcNow())
                {
                    // Committed, but the server stopped before it could keep the answer: the command is done, once.
                    await Problem(context, problems, Refusal.Conflict("idempotency-key-applied",
                        "The request with this Idempotency-Key was applied, but its answer was lost when the server stopped; " +
                        "read the resource to see the outcome."));
                }
                else
                {
                    await Problem(context, problems, Refusal.Conflict("idempotency-key-in-flight",
                        "A request with this Idempotency-Key is still being processed; retry in a moment."));
                }

                return;
            }
        }

        if (await Expired(store, recordId, clock, context.RequestAborted)) context.Response.Headers["Idempotency-Key-Expired"] = "true";

        var idempotency = new IdempotencyContext(recordId, requestHash);
        context.Items[IdempotencyContext.ItemKey] = idempotency;
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            // Whatever the endpoint wrote before failing is not an answer. Copying it out would start the response, and
            // the exception handler could then only abort it: the client would see a status and a cut-off body.
            context.Response.Body = original;
            throw;
        }

        context.Response.Body = original;
        // The answer is kept before the client sees it, so a retry that follows at once finds it.
        if (idempotency.Recorded && context.Response.StatusCode < 500)
        {
            await KeepAnswer(context, store, recordId, captured);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private async Task KeepAnswer(HttpContext context, IDocumentStore store, string recordId, MemoryStream captured)
    {
        try
        {
            await using var session = store.LightweightSession();
            var record = await session.LoadAsync<IdempotencyRecord>(recordId, context.RequestAborted);
            if (record is null) return;
            record.StatusCode = context.Response.StatusCode;
            record.ContentType = context.Response.ContentType;
            record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
            record.Body = Encoding.UTF8.GetString(captured.ToArray());
            session.Store(record);
            await session.SaveChangesAsync(context.RequestAborted);
        }
        catch (Exception e) when (DatabaseFaults.IsDatabaseLoss(e))
        {
            // The command is committed and its answer is known: give it. A retry with this key finds the command done
            // (409 idempotency-key-in-flight, then idempotency-key-applied), never applies it twice.
            AnswerNotKept(logger, context.Request.Method, context.Request.Path, e.GetBaseException().Message);
        }
    }

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "{Method} {Path} was committed, but its answer was not kept for replay: {Reason}")]
    private static partial void AnswerNotKept(ILogger logger, string method, string path, string reason);

    // A key older than its lifetime may be used again: the old record goes, and the request runs afresh.
    private static async Task<bool> Expired(IDocumentStore store, string recordId, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var old = await session.LoadAsync<IdempotencyRecord>(recordId, ct);
        if (old is null || old.CreatedAt + Lifetime > clock.GetUtcNow()) return false;
        session.Delete(old);
        await session.SaveChangesAsync(ct);
        return true;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task Problem(HttpContext context, IProblemDetailsService problems, Refusal refusal)
    {
        var problem = Problems.From(refusal);
        context.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
