using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BsgFunds.Domain;
using System.Security.Cryptography;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Transparency;

namespace BsgFunds.Audit;

/// <summary>
/// The auditor's offline tool: from an export (NDJSON, as GET /api/audit/events streams it) and a digest alone,
/// with no database and no API, it recomputes the hash chain, says whether it is intact up to the digest (or the
/// first sequence that is not), and prints the trial balance it recomputes from the events. With the public key it
/// checks the transparency log's signed heads and proofs (LogVerification). docs/audit.md.
/// </summary>
public static class AuditTool
{
    private const string Usage = """
        Usage: dotnet run --project src/BsgFunds.Audit -- <what to verify>
          --export <events.ndjson> [--sequence <n> --hash <hex> | --digest <digest.json>]
              the hash chain of the exported events up to the digest (default: the last exported event), then the
              trial balance recomputed from them
          With --key <key.pem | keys.json> (the public key, or GET /api/audit/keys saved), the transparency log:
          --head <head.json>                                     a signed tree head
          --inclusion <proof.json> --head <head.json>            an inclusion proof against a signed head
          --receipt <receipt.json>                               a donor's receipt (event, proof and head in one file)
          --consistency <proof.json> --head <old.json> --new-head <new.json>
                                                                 that the newer head only appended to the older one
          --export <events.ndjson> --head <head.json>            that the export's first events make the signed root
        Exit code 0: verified; 1: broken or forged; 2: bad arguments or unreadable files.
        """;

    private static readonly JsonSerializerOptions StoredJson = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var options = Options(args);
        if (options.ContainsKey("key")) return await TransparencyAsync(options, output);
        if (!options.TryGetValue("export", out var path) || !File.Exists(path))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        long? sequence = null;
        string? hash = null;
        if (options.TryGetValue("digest", out var digestPath))
        {
            using var digest = JsonDocument.Parse(await File.ReadAllTextAsync(digestPath));
            sequence = digest.RootElement.GetProperty("sequence").GetInt64();
            hash = digest.RootElement.GetProperty("hash").GetString();
        }

        if (options.TryGetValue("sequence", out var s)) sequence = long.Parse(s, CultureInfo.InvariantCulture);
        if (options.TryGetValue("hash", out var h)) hash = h.ToLowerInvariant();

        var events = await ReadExportAsync(path);

        var upTo = sequence ?? events.LastOrDefault().Event?.Sequence ?? 0;
        var (intact, broken, recomputed) = Verify(events.Where(x => x.Event.Sequence <= upTo).ToList(), hash);
        await output.WriteLineAsync(intact
            ? $"Chain intact up to sequence {upTo}: {recomputed}"
            : broken is { } b ? $"Chain BROKEN at sequence {b}." : $"Chain does not match the digest: recomputed {recomputed}, digest {hash}.");

        var balance = TrialBalanceOf(events.Where(x => x.Event.Sequence <= upTo).Select(x => x.Event));
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Trial balance through sequence {balance.LastSequence} (CHF)");
        foreach (var a in balance.Accounts.Values.OrderBy(a => a.Account, StringComparer.Ordinal))
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{a.Account,-80} {a.DebitsChf,16:0.00} {a.CreditsChf,16:0.00} {a.BalanceChf,16:0.00}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{"Total",-80} {balance.TotalDebitsChf,16:0.00} {balance.TotalCreditsChf,16:0.00}"));
        return intact ? 0 : 1;
    }

    /// <summary>The exported events, each with the chain hash the export states for it.</summary>
    public static async Task<List<(ChainedEvent Event, string? ExportedHash)>> ReadExportAsync(string path)
    {
        var events = new List<(ChainedEvent Event, string? ExportedHash)>();
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            using var doc = JsonDocument.Parse(line);
            events.Add((EventOf(doc.RootElement), Text(doc.RootElement, "hash")));
        }

        return events;
    }

    /// <summary>An event in the export's form (data and headers as the stored jsonb text), as the chain and the log hash it.</summary>
    public static ChainedEvent EventOf(JsonElement e)
    {
        var headers = e.GetProperty("headers");
        return new ChainedEvent(
            e.GetProperty("sequence").GetInt64(), e.GetProperty("streamId").GetGuid(), e.GetProperty("version").GetInt64(),
            e.GetProperty("type").GetString()!, DateTimeOffset.Parse(e.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture),
            e.GetProperty("data").GetRawText(), Text(e, "correlationId"), Text(e, "user"),
            headers.ValueKind == JsonValueKind.Null ? null : headers.GetRawText());
    }

    private static async Task<int> TransparencyAsync(Dictionary<string, string> options, TextWriter output)
    {
        var key = options["key"];
        (bool Valid, string Message)? result;
        try
        {
            TreeHead Head(string name) => LogVerification.HeadOf(Json(options[name]));
            result = options switch
            {
                _ when options.TryGetValue("receipt", out var receipt) => LogVerification.Receipt(Json(receipt), key),
                _ when options.TryGetValue("inclusion", out var proof) && options.ContainsKey("head") =>
                    LogVerification.Inclusion(Json(proof), Head("head"), key),
                _ when options.TryGetValue("consistency", out var proof) && options.ContainsKey("head") && options.ContainsKey("new-head") =>
                    LogVerification.Consistency(Json(proof), Head("head"), Head("new-head"), key),
                _ when options.TryGetValue("export", out var export) && options.ContainsKey("head") =>
                    LogVerification.Export((await ReadExportAsync(export)).Select(e => e.Event).ToList(), Head("head"), key),
                _ when options.ContainsKey("head") => LogVerification.Head(Head("head"), key),
                _ => null,
            };
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException
                                      or ArgumentException or CryptographicException or FormatException)
        {
            await output.WriteLineAsync($"Cannot read the files: {e.Message}");
            return 2;
        }

        if (result is not { } verdict)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await output.WriteLineAsync(verdict.Message);
        return verdict.Valid ? 0 : 1;
    }

    private static JsonElement Json(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Recomputes the chain; the exported hashes only help to say where it first breaks.</summary>
    public static (bool Intact, long? FirstBroken, string Recomputed) Verify(IReadOnlyList<(ChainedEvent Event, string? ExportedHash)> events,
        string? digestHash)
    {
        var previous = ChainHash.Genesis;
        long? broken = null;
        foreach (var (e, exported) in events)
        {
            previous = ChainHash.Of(e, previous);
            if (broken is null && exported is not null && exported != previous) broken = e.Sequence;
        }

        var intact = broken is null && (digestHash is null || digestHash == previous);
        return (intact, intact ? null : broken, previous);
    }

    /// <summary>The trial balance from the events alone, with the same postings as the API's ledger.</summary>
    public static TrialBalance TrialBalanceOf(IEnumerable<ChainedEvent> events)
    {
        var types = typeof(Postings).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("BsgFunds.Domain", StringComparison.Ordinal) == true)
            .GroupBy(SnakeCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var balance = TrialBalance.Empty;
        foreach (var e in events)
        {
            if (!types.TryGetValue(e.Type, out var type)) continue;
            var data = JsonSerializer.Deserialize(e.Data, type, StoredJson)!;
            balance = balance.Post(Postings.For(data), e.Sequence);
        }

        return balance;
    }

    // Marten's stored event type name: the class name in snake case (docs/events.md).
    private static string SnakeCase(Type type) =>
        string.Concat(type.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) options[args[i][2..]] = args[i + 1];
        return options;
    }
}
