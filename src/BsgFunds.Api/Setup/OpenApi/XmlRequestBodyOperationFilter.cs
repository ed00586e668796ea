using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace BsgFunds.Api.Setup.OpenApi;

/// <summary>
/// An endpoint that reads an XML document itself has no body parameter Swashbuckle could see: its <see cref="XmlRequestBodyAttribute"/>
/// becomes the request body (each XML media type, as a document) and the 415 it answers to anything else.
/// </summary>
public sealed class XmlRequestBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        // Wolverine's endpoint metadata leaves out the method's own attributes: read the method itself.
        var method = (context.ApiDescription.ActionDescriptor as Wolverine.Http.WolverineActionDescriptor)?.Chain.Method.Method ?? context.MethodInfo;
        if (method?.GetCustomAttributes(typeof(XmlRequestBodyAttribute), inherit: true).FirstOrDefault() is not XmlRequestBodyAttribute xml) return;
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = xml.Description,
            Content = XmlRequestBodyAttribute.MediaTypes.ToDictionary(m => m, IOpenApiMediaType (_) => new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "An XML document." },
            }, StringComparer.Ordinal),
        };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["415"] = new OpenApiResponse
        {
            Description = "The body is not sent as application/xml or text/xml.",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository),
                },
            },
        };
    }
}
