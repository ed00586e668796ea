using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup.OpenApi;

/// <summary>
/// Makes each operation say what the API answers: a typed body for every 2xx and media type it serves, problem+json
/// (the validation problem, with errors, on 400) on every 4xx/5xx, the headers clients act on, and the formats of the
/// query and route values that the endpoints take as text so that a malformed one gets a helpful 400.
/// </summary>
public sealed class ContractOperationFilter : IOperationFilter
{
    public const string MonthPattern = @"^\d{4}-(0[1-9]|1[0-2])$";
    public const string CountryPattern = "^[A-Z]{2}$";

    // Resources whose single-record answers and commands carry the stream version as ETag (Preconditions.SetETag).
    private static readonly string[] VersionedResources = ["/api/contributions/{", "/api/allocations/{", "/api/donors/{", "/api/budget/{"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= new OpenApiResponses();
        TypeSuccessBodies(operation, context);
        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (response is not OpenApiResponse concrete) continue;
            if (status.StartsWith('4') || status.StartsWith('5')) DescribeProblem(status, concrete, context);
            else if (status.StartsWith('2')) DescribeSuccessHeaders(status, concrete, context);
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is OpenApiSchema schema) DescribeFormat(parameter.Name ?? string.Empty, schema);
        }
    }

    private static void TypeSuccessBodies(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        // Wolverine's endpoint metadata leaves out the method's [ProducesResponseType]: read the method itself.
        var method = (context.ApiDescription.ActionDescriptor as Wolverine.Http.WolverineActionDescriptor)?.Chain.Method.Method ?? context.MethodInfo;
        var attributes = method?.GetCustomAttributes(inherit: true) ?? [];
        var produces = metadata.Concat(attributes).OfType<ProducesAttribute>().SelectMany(p => p.ContentTypes).Distinct().ToList();
        // Endpoints that answer IResult (to serve JSON or CSV) name their body type in [ProducesResponseType]; the IResult is no body.
        var declared = attributes.OfType<ProducesResponseTypeAttribute>().Select(Normalized)
            .Concat(metadata.OfType<IProducesResponseTypeMetadata>().Select(m => (m.StatusCode, m.Type, ContentTypes: m.ContentTypes.ToList())))
            .Where(m => m.StatusCode is >= 200 and < 300 && m.Type is { } t && t != typeof(void) && !typeof(IResult).IsAssignableFrom(t))
            .GroupBy(m => m.StatusCode)
            .ToList();
        foreach (var response in declared)
        {
            var status = response.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var type = response.First().Type!;
            var mediaTypes = response.SelectMany(m => m.ContentTypes).Concat(produces).Distinct(StringComparer.Ordinal).ToList();
            if (mediaTypes.Count == 0) mediaTypes = ["application/json"];
            var target = operation.Responses![status] as OpenApiResponse ?? new OpenApiResponse { Description = "OK" };
            target.Content = mediaTypes.ToDictionary(
                m => m, IOpenApiMediaType (m) => new OpenApiMediaType { Schema = BodySchema(m, type, context) }, StringComparer.Ordinal);
            operation.Responses[status] = target;
        }

        // The events export writes its body itself: a page as JSON, or every event as NDJSON.
        if (declared.Count == 0 && produces.Count > 0 && operation.Responses!.TryGetValue("200", out var ok) && ok is OpenApiResponse plain)
        {
            plain.Content ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var mediaType in produces.Where(m => !plain.Content.ContainsKey(m)))
            {
                plain.Content[mediaType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } };
            }

            if (plain.Content.Count > 0) operation.Responses.Remove("204");
        }
    }

    private static (int StatusCode, Type? Type, List<string> ContentTypes) Normalized(ProducesResponseTypeAttribute attribute)
    {
        var contentTypes = new Microsoft.AspNetCore.Mvc.Formatters.MediaTypeCollection();
        ((Microsoft.AspNetCore.Mvc.ApiExplorer.IApiResponseMetadataProvider)attribute).SetContentTypes(contentTypes);
        return (attribute.StatusCode, attribute.Type, contentTypes.ToList());
    }

    private static IOpenApiSchema BodySchema(string mediaType, Type type, OperationFilterContext context) => mediaType switch
    {
        "application/json" => context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository),
        "text/csv" => new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row." },
        // A whole document (an XML file, an NDJSON export) is a download: "binary" makes generated clients hand over the
        // bytes as a stream (NSwag's FileResponse, a Blob in TypeScript) instead of trying to read them as a JSON string.
        "application/xml" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "An XML document." },
        "application/x-ndjson" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "One JSON event per line." },
        _ => new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static void DescribeProblem(string status, OpenApiResponse response, OperationFilterContext context)
    {
        var type = status == "400" ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        response.Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
        };
        if (string.IsNullOrEmpty(response.Description) || response.Description is "Not Found" or "Bad Request")
        {
            response.Description = status == "404"
                ? "No such resource, or it is not yours to see."
                : "The request is invalid: the problem's errors name each field.";
        }

        // A read refused for a moment (a receipt the log has not signed yet) says when to ask again.
        var passing = status == "409" && context.ApiDescription.HttpMethod == "GET";
        if (status is "409" && passing && response.Description is "Conflict")
            response.Description = "Not yet: the log has not reached what was asked; see Retry-After when given.";
        if (status is "429" or "503" || passing)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
            };
        }
    }

    private static void DescribeSuccessHeaders(string status, OpenApiResponse response, OperationFilterContext context)
    {
        var path = "/" + (context.ApiDescription.RelativePath ?? string.Empty);
        if (status == "201")
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Location"] = new OpenApiHeader
            {
                Description = "The address of the record created.", Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            };
        }

        // A read below a record (a receipt's proof) is not the record: it has no version of its own.
        var below = context.ApiDescription.HttpMethod == "GET" && path.Count(c => c == '{') > 1;
        if (VersionedResources.Any(r => path.StartsWith(r, StringComparison.Ordinal)) && !below)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["ETag"] = new OpenApiHeader
            {
                Description = "The record's stream version, quoted; send it back as If-Match.", Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[0-9]+\"$" },
            };
        }
    }

    /// <summary>Query and route values that endpoints read as text (to answer a malformed one with a named 400) still have a format.</summary>
    public static void DescribeFormat(string name, OpenApiSchema schema)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String) || schema.Format is not null) return;
        switch (name)
        {
            case "asOf" or "takenAt":
                schema.Format = "date-time";
                break;
            case "on" or "from" or "to":
                schema.Format = "date";
                break;
            case "month" or "rateMonth":
                schema.Pattern = MonthPattern;
                break;
            case "currency":
                schema.Enum = Domain.Currency.All.Select(c => c.Code).Order(StringComparer.Ordinal)
                    .Select(c => (JsonNode)JsonValue.Create(c)!).ToList();
                break;
            case "countryCode" or "code" or "iso2":
                schema.Pattern = CountryPattern;
                break;
        }
    }
}
