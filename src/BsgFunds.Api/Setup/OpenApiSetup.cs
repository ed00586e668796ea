using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup;

public static class OpenApiSetup
{
    public static WebApplicationBuilder AddBsgOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "BsgFunds",
                Version = "v1",
                Description = "System of record for the funds of the ITU-T Bridging the Standardization Gap programme (WTSA Resolution 44).",
                Contact = new OpenApiContact { Name = "ITU TSB finance office", Url = new Uri("https://www.itu.int/en/ITU-T/gap/") },
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://www.itu.int/en/about/Pages/terms-of-use.aspx") },
            });
            // Relative: the same document serves whichever host and scheme the client reached it through.
            options.AddServer(new OpenApiServer { Url = "/", Description = "This API" });
            // Nullable reference types and required members decide "nullable" and "required"; commands mark with [Required]
            // what Validate refuses without, while their C# types stay nullable so a missing field gets a 400 that names it.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            // A reference cannot carry "nullable" beside it in OpenAPI 3.0: wrapping it in allOf can, for agreement: null.
            options.UseAllOfToExtendReferenceSchemas();
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with claims sub, name, role and (for donors) donor_id. In Development, get one from POST /api/dev/token.",
            });
            options.OperationFilter<RolesOperationFilter>();
            options.OperationFilter<ProblemResponsesOperationFilter>();
            options.OperationFilter<ContractOperationFilter>();
            options.SchemaFilter<ContractSchemaFilter>();
            options.DocumentFilter<ContractDocumentFilter>();
            // Amounts are decimals, exact to the currency's minor unit: never describe them as floating point.
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            options.CustomSchemaIds(SchemaId);
        });
        return builder;
    }

    // A generic type's full name carries assembly-qualified arguments, which are no schema id.
    private static string SchemaId(Type type)
    {
        var name = (type.IsConstructedGenericType ? type.GetGenericTypeDefinition() : type).FullName!
            .Replace("BsgFunds.", string.Empty, StringComparison.Ordinal).Replace('+', '.');
        if (!type.IsConstructedGenericType) return name;
        // A page of donors is "Api.Donors.DonorViewPage": generated clients name their types after it.
        if (type.GetGenericTypeDefinition() == typeof(Lists.ListPage<>)) return $"{SchemaId(type.GetGenericArguments()[0])}Page";
        return string.Join('.', type.GetGenericArguments().Select(SchemaId).Prepend(name[..name.IndexOf('`', StringComparison.Ordinal)]));
    }

    public static WebApplication UseBsgOpenApi(this WebApplication app)
    {
        // OpenAPI 3.1: a member that may be null is a JSON Schema union with null, which every validator reads alike
        // (3.0's "nullable" does not reach into an allOf, and strict validators such as Prism refuse such nulls).
        app.UseSwagger(options => options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1);
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "BsgFunds v1"));
        return app;
    }
}

/// <summary>States on each operation which roles may call it, and the 401/403 it answers otherwise.</summary>
public sealed class RolesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            // An empty requirement says "no credentials", rather than leaving a reader to guess.
            operation.Security = [new OpenApiSecurityRequirement()];
            return;
        }

        var roles = metadata.OfType<IAuthorizeData>()
            .SelectMany(a => (a.Roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct()
            .ToList();
        var who = roles.Count == 0 ? "any signed-in caller" : string.Join(", ", roles);
        operation.Description = string.IsNullOrEmpty(operation.Description) ? $"Roles: {who}." : $"{operation.Description}\n\nRoles: {who}.";
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", context.Document)] = [] }];
        operation.Responses ??= new OpenApiResponses();
        AddProblem(operation, context, "401", "No token, or the token is not valid.");
        AddProblem(operation, context, "403", $"The caller's role is not one of: {who}.");
    }

    private static void AddProblem(OpenApiOperation operation, OperationFilterContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        };
    }
}

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
