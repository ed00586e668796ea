using System.Text.RegularExpressions;

namespace BsgFunds.Api.Http;

/// <summary>
/// Takes the caller's X-Correlation-Id (or makes one), returns it on the response and keeps it for the events
/// the request writes, so that a finance officer's tool, our logs and the ledger can be joined on it.
/// </summary>
public static partial class CorrelationIdMiddleware
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "bsgfunds.correlation-id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var given = context.Request.Headers[Header].ToString();
        // An id that is too long or has odd characters is replaced rather than echoed into logs and headers.
        var id = given.Length is > 0 and <= 128 && SafeId().IsMatch(given) ? given : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        // Set when the response starts, so that it survives the exception handler clearing the response.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BsgFunds.Requests")
                   .BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    });

    public static string Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var id) && id is string s ? s : context.TraceIdentifier;

    [GeneratedRegex("^[A-Za-z0-9._:-]+$")]
    private static partial Regex SafeId();
}
