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
            });
            options.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with claims sub, name, role and (for donors) donor_id. In Development, get one from POST /api/dev/token.",
            });
            options.OperationFilter<RolesOperationFilter>();
            // Amounts are decimals, exact to the currency's minor unit: never describe them as floating point.
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            options.CustomSchemaIds(type => type.FullName?.Replace("BsgFunds.", string.Empty, StringComparison.Ordinal).Replace('+', '.'));
        });
        return builder;
    }

    public static WebApplication UseBsgOpenApi(this WebApplication app)
    {
        app.UseSwagger();
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
        if (metadata.OfType<IAllowAnonymous>().Any()) return;

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
