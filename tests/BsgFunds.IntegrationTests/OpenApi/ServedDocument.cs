using System.Text.Json;
using System.Text.Json.Nodes;

namespace BsgFunds.IntegrationTests.OpenApi;

/// <summary>Reads the served OpenAPI 3.0 document: schemas behind $ref and allOf, and the schema of an answer as plain JSON Schema.</summary>
public sealed class ServedDocument(JsonNode root)
{
    public JsonNode Root => root;

    public IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        root["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    public JsonObject Operation(string operationId) => Operations().Single(o => (string?)o.Operation["operationId"] == operationId).Operation;

    public JsonObject Schema(string id) => root["components"]!["schemas"]![id]!.AsObject();

    /// <summary>The named schema a property or body points at, through a $ref or an allOf wrapping one.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        if (schema["$ref"] is { } reference) return Schema(((string)reference!)["#/components/schemas/".Length..]);
        if (schema["allOf"] is JsonArray { Count: 1 } allOf) return Resolve(allOf[0]!);
        if (schema["oneOf"] is JsonArray oneOf && oneOf.FirstOrDefault(s => (string?)s?["type"] != "null") is { } other) return Resolve(other);
        return schema.AsObject();
    }

    /// <summary>Whether a member may be null: OpenAPI 3.1 says so with a null type or a null alternative.</summary>
    public static bool Nullable(JsonNode schema) =>
        schema["type"] is JsonArray types && types.Any(t => (string?)t == "null")
        || (string?)(schema["type"] as JsonValue) == "null"
        || schema["oneOf"] is JsonArray oneOf && oneOf.Any(s => s is not null && Nullable(s))
        || schema["anyOf"] is JsonArray anyOf && anyOf.Any(s => s is not null && Nullable(s));

    public static IReadOnlyList<string> Required(JsonObject schema) =>
        schema["required"]?.AsArray().Select(r => (string)r!).ToList() ?? [];

    /// <summary>
    /// The answer's schema as JSON Schema 2020-12 with the components as $defs: OpenAPI 3.0's nullable becomes a null type
    /// (or a null alternative beside an allOf or a $ref, which carry no type), the way a plain validator understands it.
    /// </summary>
    public string JsonSchemaOf(JsonNode schema)
    {
        var defs = new JsonObject();
        foreach (var (id, value) in root["components"]!["schemas"]!.AsObject()) defs[id] = Translate(value!);
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["allOf"] = new JsonArray(Translate(schema)),
        }.ToJsonString();
    }

    private static JsonNode Translate(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Translate(item)).ToArray());
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key == "nullable") continue;
                    copy[key] = key == "$ref"
                        ? ((string)value!).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)
                        : key == "properties" ? TranslateMap(value!.AsObject()) : value is null ? null : Translate(value);
                }

                // Beside allOf or enum, a null type alone would still be refused by them: null is an alternative.
                if ((bool?)obj["nullable"] != true) return copy;
                return new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, copy) };
            default:
                return node.DeepClone();
        }
    }

    private static JsonObject TranslateMap(JsonObject properties)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in properties) copy[name] = value is null ? null : Translate(value);
        return copy;
    }

    public static ServedDocument Parse(string text) => new(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions())!);
}
