using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BsgFunds.IntegrationTests.OpenApi;
using Json.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace BsgFunds.IntegrationTests.Contract;

/// <summary>
/// A contract-validating proxy inside the test host, in the manner of Prism's proxy mode: every answer of every integration
/// test is checked against the document the API serves, for its operation, status and media type. An answer the document
/// does not describe is turned into a 599 that names the violation, so the test that caused it fails where it happened.
/// </summary>
public sealed class ContractValidation : IStartupFilter
{
    public const int ViolationStatus = 599;

    private static readonly ConcurrentDictionary<string, JsonSchema?> Schemas = new();

    /// <summary>The served document, read once the host has started; answers before it are not checked.</summary>
    public static ServedDocument? Document
    {
        get => document;
        set
        {
            document = value;
            Schemas.Clear();
        }
    }

    private static ServedDocument? document;

    public static ConcurrentQueue<string> Violations { get; } = new();

    public static long Checked => checkedCount;

    private static long checkedCount;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            if (Document is null || !context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                await proceed();
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await proceed();
            }
            finally
            {
                context.Response.Body = original;
            }

            var violation = Check(context, buffer.ToArray());
            Interlocked.Increment(ref checkedCount);
            if (violation is null)
            {
                buffer.Position = 0;
                await buffer.CopyToAsync(original);
                return;
            }

            Violations.Enqueue(violation);
            context.Response.StatusCode = ViolationStatus;
            context.Response.ContentType = "text/plain";
            context.Response.Headers.ContentLength = null;
            await context.Response.WriteAsync("The answer breaks the served OpenAPI document: " + violation);
        });
        next(app);
    };

    private static string? Check(HttpContext context, byte[] body)
    {
        var method = context.Request.Method.ToLowerInvariant();
        var status = context.Response.StatusCode.ToString(CultureInfo.InvariantCulture);
        var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var where = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} → {status}";
        if (template is null) return null; // no route: the 404/405 of the framework, for a path the document does not name
        template = "/" + template.TrimStart('/');
        var operation = Document!.Root["paths"]?[template]?[method];
        if (operation is null) return $"{where}: the document has no operation {method.ToUpperInvariant()} {template}";
        var response = operation["responses"]?[status] ?? operation["responses"]?["default"];
        if (response is null) return $"{where}: {method.ToUpperInvariant()} {template} declares no {status} answer";
        var mediaType = context.Response.ContentType?.Split(';')[0].Trim();
        if (body.Length == 0 && mediaType is null)
            return response["content"] is null ? null : $"{where}: the answer has no body, the document says it has one";
        if (mediaType is null) return $"{where}: a body without a Content-Type";
        var declared = response["content"]?[mediaType]?["schema"];
        if (declared is null) return $"{where}: {method.ToUpperInvariant()} {template} {status} does not declare {mediaType}";
        // JSON bodies are checked against their schema; CSV, XML, NDJSON and plain text are downloads the document types as text.
        if (mediaType is not ("application/json" or "application/problem+json")) return null;

        var key = $"{template}|{method}|{status}|{mediaType}";
        var schema = Schemas.GetOrAdd(key, _ => JsonSchema.FromText(Document.JsonSchemaOf(declared)));
        using var json = JsonDocument.Parse(body);
        var evaluation = schema!.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (evaluation.IsValid) return null;
        var errors = (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Distinct().Take(5);
        return $"{where}: the body does not match the schema: {string.Join("; ", errors)}";
    }
}
