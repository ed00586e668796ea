using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Npgsql;
using Xunit;

namespace BsgFunds.IntegrationTests.Reliability;

/// <summary>
/// Requests derived from the served OpenAPI document, then mutated: wrong types, missing and extra fields, huge,
/// negative and over-precise numbers, unknown enumeration values, invalid dates, very long strings, broken JSON,
/// wrong content types. No answer may be a 5xx, and no refused request may write an event.
/// BSGFUNDS_FUZZ_REQUESTS sets the count (20 000 by default; docs/reliability.md runs 100 000).
/// </summary>
public class FuzzTests(AppFixture app) : ApiTest(app)
{
    private static readonly int Requests = int.TryParse(Environment.GetEnvironmentVariable("BSGFUNDS_FUZZ_REQUESTS"), out var n) ? n : 20_000;

    private sealed record Operation(string Method, string Path, JsonNode? Body, List<string> Query);

    [Fact]
    public async Task mutated_requests_from_the_openapi_document_never_get_a_5xx_nor_write_when_refused()
    {
        var random = new Random(20261130);
        var document = JsonNode.Parse(await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync())!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                if (path is "/api/audit/rebuild" or "/api/dev/token") continue;
                var schema = op!["requestBody"]?["content"]?["application/json"]?["schema"];
                var query = op["parameters"]?.AsArray().Where(p => p!["in"]!.GetValue<string>() == "query")
                    .Select(p => p!["name"]!.GetValue<string>()).ToList() ?? [];
                operations.Add(new Operation(method.ToUpperInvariant(), path, schema is null ? null : Example(schema, schemas, random, 0), query));
            }
        }

        operations.Should().HaveCountGreaterThan(30);
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Fuzz donor", "Foundation", null);
        var contribution = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        var ids = new[] { donor, contribution, Guid.NewGuid() };
        var tokens = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            tokens.Add(await TokenFor("FinanceOfficer", $"fuzz-{i}"));
        }

        // One person holding every staff role, so that requests reach validation rather than stop at 403.
        var everything = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            var result = await Host.Scenario(s =>
            {
                s.Post.Json(new { sub = $"fuzz-all-{i}", name = "Fuzzer", roles = new[] { "FinanceOfficer", "ProgrammeOfficer", "TsbDirector",
                    "BdtDirector", "Auditor" } }).ToUrl("/api/dev/token");
            });
            everything.Add(JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("token").GetString()!);
        }

        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("ConnectionStrings__Marten"));
        await connection.OpenAsync();
        async Task<long> EventCount() => (long)(await new NpgsqlCommand("select count(*) from bsgfunds.mt_events", connection).ExecuteScalarAsync())!;

        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            var op = operations[random.Next(operations.Count)];
            var url = FillPath(op.Path, random, ids) + Query(op, random);
            var (body, contentType) = MutatedBody(op.Body, random);
            var token = everything[i % everything.Count];
            var before = await EventCount();
            var result = await Host.Scenario(s =>
            {
                var verb = op.Method switch { "GET" => s.Get, "PUT" => s.Put, "DELETE" => s.Delete, _ => s.Post };
                verb.Url(url);
                if (op.Method != "GET")
                {
                    s.ConfigureHttpContext(c =>
                    {
                        var bytes = Encoding.UTF8.GetBytes(body ?? string.Empty);
                        c.Request.Body = new MemoryStream(bytes);
                        c.Request.ContentLength = bytes.Length;
                        if (contentType is not null) c.Request.ContentType = contentType;
                    });
                }

                s.WithRequestHeader("Authorization", $"Bearer {token}");
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
                failures.Add($"{op.Method} {url} [{contentType}] {Truncate(body)} -> {status} {Truncate(await result.ReadAsTextAsync())}");
            else if (status >= 400 && await EventCount() != before) failures.Add($"{op.Method} {url} {Truncate(body)} -> {status} but wrote events");
            if (failures.Count > 20) break;
        }

        failures.Should().BeEmpty();
        statuses.Keys.Should().Contain([400, 404], "the mutations must reach validation and lookups");
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length > 300 ? text[..300] + "…" : text;

    private static string FillPath(string path, Random random, Guid[] ids) => Regex.Replace(path, @"\{(\w+)\}", m => m.Groups[1].Value switch
    {
        _ when random.Next(10) == 0 => random.Next(4) switch { 0 => "not-a-guid", 1 => new string('9', 400), 2 => "%C3%A9t%C3%A9", _ => "-1" },
        "id" or "donorId" => ids[random.Next(ids.Length)].ToString(),
        "code" => random.Next(2) == 0 ? "SN" : "ZZ",
        "currency" => random.Next(3) switch { 0 => "USD", 1 => "usd", _ => "XXX" },
        "month" => random.Next(3) switch { 0 => "2026-01", 1 => "2026-13", _ => "26-1" },
        "year" => random.Next(3) switch { 0 => "2026", 1 => "99999999999", _ => "-5" },
        "n" => random.Next(3) switch { 0 => "1", 1 => "0", _ => "2147483648" },
        _ => "x",
    });

    private static string Query(Operation op, Random random)
    {
        if (op.Query.Count == 0 || random.Next(4) == 0) return string.Empty;
        return "?" + string.Join('&', op.Query.Select(q => $"{q}={Uri.EscapeDataString(random.Next(6) switch
        {
            0 => "2026",
            1 => "2026-01",
            2 => "2026-11-30T00:00:00Z",
            3 => "not-a-value",
            4 => new string('7', 50),
            _ => Guid.NewGuid().ToString(),
        })}"));
    }

    private static (string? Body, string? ContentType) MutatedBody(JsonNode? baseline, Random random)
    {
        var json = baseline?.DeepClone() ?? new JsonObject();
        switch (random.Next(16))
        {
            case 0: return (json.ToJsonString(), "application/json");                                      // as derived
            case 1: return (json.ToJsonString()[..Math.Max(1, json.ToJsonString().Length / 2)], "application/json"); // broken JSON
            case 2: return (json.ToJsonString(), random.Next(2) == 0 ? "text/plain" : "application/xml");  // wrong content type
            case 3: return (string.Empty, "application/json");                                              // empty body
            case 4: return ("[1,2,3]", "application/json");                                                  // wrong shape
            case 5: return ("null", "application/json");
        }

        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations; m++) Mutate(json, random);
        return (json.ToJsonString(), "application/json");
    }

    private static void Mutate(JsonNode node, Random random)
    {
        var leaves = new List<(JsonObject Parent, string Name)>();
        Collect(node, leaves);
        if (node is JsonObject root && (leaves.Count == 0 || random.Next(8) == 0))
        {
            root["unexpectedField"] = "x";
            return;
        }

        if (leaves.Count == 0) return;
        var (parent, name) = leaves[random.Next(leaves.Count)];
        parent[name] = random.Next(14) switch
        {
            0 => null,
            1 => JsonValue.Create("text"),
            2 => JsonValue.Create(123),
            3 => JsonValue.Create(true),
            4 => new JsonArray(),
            5 => new JsonObject { ["nested"] = 1 },
            6 => JsonNode.Parse("1e300"),
            7 => JsonNode.Parse("79228162514264337593543950336"),
            8 => JsonValue.Create(-1_000_000.5m),
            9 => JsonValue.Create(1.1234567891234m),
            10 => JsonValue.Create("NotAnEnumValue"),
            11 => JsonValue.Create(random.Next(3) switch { 0 => "2026-02-30", 1 => "yesterday", _ => "2026-13-01" }),
            12 => JsonValue.Create(new string('€', random.Next(2) == 0 ? 10_000 : 100_000)),
            _ => RemoveMarker,
        };
        if (parent[name] is JsonValue v && v.ToJsonString() == RemoveMarker.ToJsonString()) parent.Remove(name);
    }

    private static readonly JsonValue RemoveMarker = JsonValue.Create("__remove__");

    private static void Collect(JsonNode? node, List<(JsonObject, string)> leaves)
    {
        if (node is JsonObject o)
        {
            foreach (var (name, child) in o.ToList())
            {
                leaves.Add((o, name));
                Collect(child, leaves);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a) Collect(child, leaves);
        }
    }

    /// <summary>A plausible value for a schema: what a client would send, before the mutations.</summary>
    private static JsonNode? Example(JsonNode schema, JsonObject schemas, Random random, int depth)
    {
        if (depth > 6) return null;
        if (schema["$ref"]?.GetValue<string>() is { } reference) return Example(schemas[reference.Split('/')[^1]]!, schemas, random, depth + 1);
        if (schema["allOf"] is JsonArray all && all.Count > 0) return Example(all[0]!, schemas, random, depth + 1);
        if (schema["enum"] is JsonArray values && values.Count > 0) return values[random.Next(values.Count)]!.DeepClone();
        var type = schema["type"]?.ToString() ?? "object";
        var format = schema["format"]?.GetValue<string>();
        return type switch
        {
            "string" when format == "date" => JsonValue.Create("2026-03-10"),
            "string" when format == "date-time" => JsonValue.Create("2026-03-10T10:00:00Z"),
            "string" when format == "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
            "string" => JsonValue.Create(random.Next(3) switch { 0 => "CHF", 1 => "SN", _ => "text" }),
            "integer" => JsonValue.Create(random.Next(1, 4)),
            "number" => JsonValue.Create(Math.Round((decimal)random.NextDouble() * 1000m, 2)),
            "boolean" => JsonValue.Create(random.Next(2) == 0),
            "array" => schema["items"] is { } items ? new JsonArray(Example(items, schemas, random, depth + 1)) : new JsonArray(),
            _ => Object(schema, schemas, random, depth),
        };
    }

    private static JsonObject Object(JsonNode schema, JsonObject schemas, Random random, int depth)
    {
        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties)
            foreach (var (name, property) in properties) result[name] = Example(property!, schemas, random, depth + 1);
        return result;
    }
}
