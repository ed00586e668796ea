using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup.OpenApi;

/// <summary>
/// What no single schema or operation knows: an answer writes every member of its records, null or not, so a schema met
/// only in answers requires all its properties (a command's schema requires only what Validate refuses without); and
/// each tag gets a description.
/// </summary>
public sealed class ContractDocumentFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Allocations"] = "Funds set aside for a programme's activity, with their sign-offs.",
        ["Audit"] = "The tamper-evident event log, digests, the journal and period closing.",
        ["Budget"] = "The year's budget by programme and use.",
        ["Contributions"] = "Pledges, agreements, receipts and the other money events of a contribution.",
        ["Delegations"] = "Approval authority delegated by the TSB Director.",
        ["Development"] = "Helpers that exist only in the Development environment.",
        ["Disbursements"] = "Payments out of an allocation: certify, approve, pay or cancel.",
        ["Donors"] = "Donors and what they may see.",
        ["Exports"] = "Exports in external standards (IATI).",
        ["Reference data"] = "Countries, their classifications, and monthly exchange rates.",
        ["Reports"] = "Reports as of now or an instant, as JSON or CSV.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var schemas = swaggerDoc.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in Operations(swaggerDoc))
        {
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Reach(media.Schema, schemas, requests);
            }
        }

        foreach (var (id, schema) in schemas)
        {
            if (requests.Contains(id) || id.Contains("ProblemDetails", StringComparison.Ordinal)) continue;
            if (schema is OpenApiSchema { Properties.Count: > 0 } answer)
            {
                answer.Required = new SortedSet<string>(answer.Properties.Keys, StringComparer.Ordinal);
            }
        }

        foreach (var schema in schemas.Values.OfType<OpenApiSchema>()) Unwrap(schema, schemas);
        var bodies = Operations(swaggerDoc).SelectMany(o => (o.RequestBody?.Content?.Values ?? [])
            .Concat(o.Responses?.Values.SelectMany(r => r.Content?.Values ?? []) ?? []));
        foreach (var body in bodies.OfType<OpenApiMediaType>())
        {
            if (body.Schema is { } bodySchema) body.Schema = Unwrapped(bodySchema, schemas);
        }

        var used = Operations(swaggerDoc)
            .SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.GetValueOrDefault(name, name),
        }));
    }

    /// <summary>
    /// A reference wrapped in allOf is there only to carry "nullable": it becomes one of null or the reference. A
    /// non-nullable one is the plain reference again.
    /// </summary>
    private static void Unwrap(OpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (schema.Properties is { } properties)
        {
            foreach (var (name, property) in properties.ToList()) properties[name] = Unwrapped(property, schemas);
        }

        if (schema.Items is { } items) schema.Items = Unwrapped(items, schemas);
    }

    private static IOpenApiSchema Unwrapped(IOpenApiSchema property, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (property is not OpenApiSchema { AllOf: [OpenApiSchemaReference reference], Properties: null or { Count: 0 } } wrapper)
        {
            if (property is OpenApiSchema { Items: not null } array) Unwrap(array, schemas);
            return property;
        }

        var nullable = wrapper.Type is { } type && type.HasFlag(JsonSchemaType.Null);
        if (!nullable && wrapper.Description is null && wrapper.Default is null) return reference;
        if (!nullable) return wrapper;
        // A reference that may be null: one of null or the referenced schema, as JSON Schema says it.
        return new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference], Description = wrapper.Description };
    }

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []);

    private static void Reach(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas, HashSet<string> reached)
    {
        switch (schema)
        {
            case null:
                return;
            case OpenApiSchemaReference reference:
                if (reference.Reference.Id is { } id && reached.Add(id) && schemas.TryGetValue(id, out var target)) Reach(target, schemas, reached);
                return;
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []))
        {
            Reach(child, schemas, reached);
        }

        Reach(schema.Items, schemas, reached);
        Reach(schema.AdditionalProperties, schemas, reached);
    }
}
