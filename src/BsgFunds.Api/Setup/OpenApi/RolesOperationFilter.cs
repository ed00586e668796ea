using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup.OpenApi;

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
