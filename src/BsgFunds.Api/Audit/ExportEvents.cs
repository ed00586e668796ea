using System.Text.Json;

namespace BsgFunds.Api.Audit;

public static class ExportEventsEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string NdJson = "application/x-ndjson";

    public static ProblemDetails Validate(long? after, int? limit) =>
        after is < 0 ? Problems.From(Refusal.Invalid("request-invalid", "'after' is a sequence, zero or more.", "after"))
        : limit is < 1 or > MaxLimit ? Problems.From(Refusal.Invalid("request-invalid", $"'limit' is from 1 to {MaxLimit}.", "limit"))
        : WolverineContinue.NoProblems;

    /// <summary>
    /// The ledger's events in sequence order with type, data, metadata (who, role, when, correlation id) and chain hash:
    /// a page as JSON, or with Accept: application/x-ndjson every event after 'after' streamed one per line.
    /// </summary>
    [WolverineGet("/api/audit/events", OperationId = "ExportEvents")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    [Produces("application/json", NdJson)]
    public static async Task<IResult> Get(long? after, int? limit, IDocumentStore store, HttpContext context)
    {
        var streaming = context.Request.Headers.Accept.Any(a => a?.Contains(NdJson, StringComparison.OrdinalIgnoreCase) == true);
        var from = after ?? 0;
        context.Response.ContentType = streaming ? NdJson : "application/json";
        // Wolverine answers 204 for an endpoint that returns nothing: this one writes its body itself and says so (200), and
        // returns an empty result so that Wolverine leaves the status alone.
        context.Response.StatusCode = StatusCodes.Status200OK;
        var writer = new Utf8JsonWriter(context.Response.BodyWriter.AsStream());
        long last = from;
        if (!streaming)
        {
            writer.WriteStartObject();
            writer.WriteNumber("after", from);
            writer.WritePropertyName("events");
            writer.WriteStartArray();
        }

        await foreach (var e in AuditLog.ReadAsync(store, from, long.MaxValue, streaming ? limit : limit ?? DefaultLimit, context.RequestAborted))
        {
            EventJson.Write(writer, e);
            last = e.Event.Sequence;
            if (streaming)
            {
                await writer.FlushAsync(context.RequestAborted);
                await context.Response.BodyWriter.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
                writer.Reset();
            }
        }

        if (!streaming)
        {
            writer.WriteEndArray();
            writer.WriteNumber("next", last);
            writer.WriteEndObject();
        }

        await writer.FlushAsync(context.RequestAborted);
        return Results.Empty;
    }
}
