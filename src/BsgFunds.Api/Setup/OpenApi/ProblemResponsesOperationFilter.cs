using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup.OpenApi;

/// <summary>
/// Documents the problem answers every operation can give, in one place rather than on each endpoint: 400 for
/// invalid input, 404 for an unknown id, 409/412/422 for commands (conflict, stale If-Match, business rule), 429 and
/// 503 everywhere. Commands also document the Idempotency-Key and If-Match headers.
/// </summary>
public sealed class ProblemResponsesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var method = context.ApiDescription.HttpMethod ?? "GET";
        var path = context.ApiDescription.RelativePath ?? string.Empty;
        var command = method is "POST" or "PUT";
        var problems = new List<(string Status, string Description)>
        {
            ("400", "The request is invalid: the problem's errors name each field."),
            ("429", "Too many requests from this caller; see Retry-After."),
            ("503", "The database is unreachable; nothing was written; see Retry-After."),
        };
        if (path.Contains('{', StringComparison.Ordinal)) problems.Add(("404", "No such resource, or it is not yours to see."));
        if (command)
        {
            problems.Add(("409", "The request conflicts with the current state (status, duplicate, concurrent change, idempotency key in flight)."));
            problems.Add(("412", "If-Match names a version the resource no longer has."));
            problems.Add(("413", "The request body is too large."));
            problems.Add(("422", "A business rule refuses the request; the problem's code says which."));
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
                Description = "Retry safely: the same key with the same body within 24 hours answers the first response again and writes nothing.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            if (path.Contains('{', StringComparison.Ordinal))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match", In = ParameterLocation.Header, Required = false,
                    Description = "The ETag (stream version) the client last read; a stale one is refused with 412.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        operation.Responses ??= new OpenApiResponses();
        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        foreach (var (status, description) in problems)
        {
            if (operation.Responses.ContainsKey(status)) continue;
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
            };
        }
    }
}
