using BsgFunds.Api.Setup.OpenApi;
using Microsoft.OpenApi;

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
            options.OperationFilter<XmlRequestBodyOperationFilter>();
            options.SchemaFilter<ContractSchemaFilter>();
            options.DocumentFilter<ContractDocumentFilter>();
            // Amounts are decimals, exact to the currency's minor unit: never describe them as floating point.
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            options.CustomSchemaIds(SchemaId);
        });
        return builder;
    }

    // Clients generate their type names from the schema ids, so an id, once published, stays: a type that moved to
    // another folder keeps the id it was published under.
    private static readonly Dictionary<Type, string> PublishedIds = new()
    {
        [typeof(MoneyInput)] = "Api.Setup.MoneyInput",
        [typeof(Created)] = "Api.Donors.Created",
    };

    // A generic type's full name carries assembly-qualified arguments, which are no schema id.
    private static string SchemaId(Type type)
    {
        if (PublishedIds.TryGetValue(type, out var published)) return published;
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
