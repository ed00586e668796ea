using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using BsgFunds.Api.Http;
using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Audit;

public sealed record Digest(long Sequence, string Hash, DateTimeOffset TakenAt);

public sealed record VerifyDigest([property: Required] long? Sequence, [property: Required] string? Hash);

public sealed record Verification(bool Intact, long Sequence, string Hash, string RecomputedHash, long? FirstBrokenSequence, string Detail);

public static class GetDigestEndpoint
{
    /// <summary>The head of the hash chain: keep it, and later prove that nothing up to it was altered.</summary>
    [WolverineGet("/api/audit/digest", OperationId = "GetDigest")]
    [Authorize(Roles = $"{Roles.Auditor},{Roles.FinanceOfficer}")]
    [Tags("Audit")]
    public static async Task<Digest> Get(IQuerySession session, TimeProvider clock)
    {
        await Freshness.WaitForAsync(session.DocumentStore, "HashChainProjection");
        return await Chain.DigestAsync(session, clock);
    }
}

public static class VerifyDigestEndpoint
{
    public static ProblemDetails Validate(VerifyDigest? command)
    {
        if (command is null) return Problems.MissingBody("{ sequence, hash }");
        var inputs = new Inputs();
        if (inputs.Required(command.Sequence, "sequence", "the digest's sequence") < 0) inputs.Fail("sequence", "'sequence' is zero or more.");
        if (command.Hash is null || command.Hash.Length != 64 || !command.Hash.All(Uri.IsHexDigit)) inputs.Fail("hash",
            "'hash' is the digest's 64 hexadecimal digits.");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>Recomputes the chain from the stored events up to the digest's sequence: intact, or the first sequence that is not.</summary>
    [WolverinePost("/api/audit/verify", OperationId = "VerifyDigest")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    public static async Task<Verification> Post(VerifyDigest command, IDocumentStore store, IQuerySession session)
    {
        await Freshness.WaitForAsync(store, "HashChainProjection");
        return await Chain.VerifyAsync(store, session, command.Sequence!.Value, command.Hash!.ToLowerInvariant());
    }
}

public static class ExportEventsEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    public const string NdJson = "application/x-ndjson";

    public static ProblemDetails Validate(long? after, int? limit) =>
        after is < 0 ? Problems.From(Refusal.Invalid("request-invalid", "after", "'after' is a sequence, zero or more."))
        : limit is < 1 or > MaxLimit ? Problems.From(Refusal.Invalid("request-invalid", "limit", $"'limit' is from 1 to {MaxLimit}."))
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

/// <summary>The export's JSON form of one event; the data and headers are PostgreSQL's jsonb text, verbatim, so that the chain can be recomputed from the file.</summary>
public static class EventJson
{
    public static void Write(Utf8JsonWriter writer, ExportedEvent exported)
    {
        var e = exported.Event;
        writer.WriteStartObject();
        writer.WriteNumber("sequence", e.Sequence);
        writer.WriteString("id", exported.Id);
        writer.WriteString("streamId", e.StreamId);
        writer.WriteNumber("version", e.Version);
        writer.WriteString("type", e.Type);
        writer.WriteString("timestamp", e.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
            System.Globalization.CultureInfo.InvariantCulture));
        writer.WritePropertyName("data");
        writer.WriteRawValue(e.Data, skipInputValidation: true);
        writer.WriteString("correlationId", e.CorrelationId);
        writer.WriteString("user", e.UserName);
        writer.WritePropertyName("headers");
        if (e.Headers is null) writer.WriteNullValue();
        else writer.WriteRawValue(e.Headers, skipInputValidation: true);
        writer.WriteString("hash", exported.Hash);
        writer.WriteString("previousHash", exported.PreviousHash);
        writer.WriteEndObject();
    }
}

public static class Chain
{
    public static async Task<Digest> DigestAsync(IQuerySession session, TimeProvider clock)
    {
        var head = await session.Query<ChainLink>().OrderByDescending(l => l.Id).FirstOrDefaultAsync();
        return new Digest(head?.Id ?? 0, head?.Hash ?? ChainHash.Genesis, clock.GetUtcNow());
    }

    public static async Task<Verification> VerifyAsync(IDocumentStore store, IQuerySession session, long sequence, string hash)
    {
        var head = await session.Query<ChainLink>().OrderByDescending(l => l.Id).FirstOrDefaultAsync();
        if ((head?.Id ?? 0) < sequence)
            throw new RefusedException(Refusal.Conflict("digest-not-chained",
                $"The chain reaches sequence {head?.Id ?? 0}; sequence {sequence} is not chained yet."));

        var links = (await session.Query<ChainLink>().Where(l => l.Id <= sequence).ToListAsync()).ToDictionary(l => l.Id, l => l.Hash);
        var events = new Dictionary<long, ChainedEvent>();
        await foreach (var e in AuditLog.ReadAsync(store, 0, sequence, null)) events[e.Event.Sequence] = e.Event;

        var previous = ChainHash.Genesis;
        long? broken = null;
        foreach (var s in links.Keys.Union(events.Keys).Order())
        {
            if (!events.TryGetValue(s, out var stored))
            {
                broken ??= s;     // chained once, gone now: deleted
                continue;
            }

            previous = ChainHash.Of(stored, previous);
            if (!links.TryGetValue(s, out var linked) || linked != previous) broken ??= s;
        }

        var intact = broken is null && previous == hash;
        var detail = intact ? $"The chain is intact up to sequence {sequence}."
            : broken is { } b ? $"The chain breaks at sequence {b}: the event stored there is not the one that was chained."
            : "The events agree with the stored chain but not with this digest: the digest is not from this ledger, or the chain itself was rewritten.";
        return new Verification(intact, sequence, hash, previous, intact ? null : broken, detail);
    }
}
