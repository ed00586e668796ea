using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup.OpenApi;

/// <summary>
/// Gives text fields the shape the API checks (currencies from the shipped ISO 4217 table, two-letter country codes,
/// yyyy-MM months) and describes problem details as written: every member present is a value, never null.
/// </summary>
public sealed class ContractSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null) return;
        if (typeof(ProblemDetails).IsAssignableFrom(context.Type) || context.Type == typeof(HttpValidationProblemDetails))
        {
            DescribeProblem(concrete);
            return;
        }

        foreach (var (name, property) in concrete.Properties)
        {
            if (property is not OpenApiSchema value) continue;
            if (name == "countries" && value.Items is OpenApiSchema item) item.Pattern = ContractOperationFilter.CountryPattern;
            else if (name != "code" || context.Type == typeof(ReferenceData.CountryView)) ContractOperationFilter.DescribeFormat(name, value);
        }
    }

    private static void DescribeProblem(OpenApiSchema schema)
    {
        foreach (var property in schema.Properties!.Values.OfType<OpenApiSchema>())
        {
            // ProblemDetails leaves out a member that has no value rather than writing null.
            if (property.Type is { } type) property.Type = type & ~JsonSchemaType.Null;
        }

        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String, Pattern = "^[a-z]+(-[a-z]+)*$", Description = "The stable refusal code (docs/problems.md).",
        };
        schema.Properties["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting the error." };
        schema.Required = new SortedSet<string>(StringComparer.Ordinal) { "status", "title" };
    }
}
