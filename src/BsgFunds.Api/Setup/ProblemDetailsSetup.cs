using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BsgFunds.Api.Setup;

/// <summary>
/// Every error is RFC 9457 problem details: validation and refusals, unknown routes and methods, malformed
/// JSON, unknown properties, concurrency conflicts and unhandled exceptions (without stack traces).
/// </summary>
public static class ProblemDetailsSetup
{
    public static WebApplicationBuilder AddBsgProblemDetails(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>()
            .Configure<TimeProvider, IHttpContextAccessor>((options, clock, http) => RequestBounds.Apply(options.SerializerOptions, clock, http));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["correlationId"] = CorrelationIdMiddleware.Of(context.HttpContext);
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status);
            JsonProblems.ExplainQuery(context.ProblemDetails);
            if (JsonProblems.Explain(context.ProblemDetails, context.HttpContext)) JsonProblems.LogRefused(context.HttpContext,
                context.ProblemDetails);
        });
        // After the default writer, which declines when the Accept header names neither JSON nor */* (a CSV report, say):
        // an error still gets its problem body instead of an empty answer.
        builder.Services.AddSingleton<IProblemDetailsWriter, AnyAcceptProblemDetailsWriter>();
        builder.Services.AddExceptionHandler<BsgExceptionHandler>();
        // Wolverine logs each unreadable JSON body as an error with its stack trace: a client could flood the logs with it.
        builder.Services.Replace(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(QuietBodyReadingLogger<>)));
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // A misspelt or unexpected field is an error, not something to ignore silently.
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
    }

    public static WebApplication UseBsgProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    private static string? DefaultDetail(int? status) => status switch
    {
        401 => "Sign in: send a valid bearer token in the Authorization header.",
        403 => "Your role does not allow this request.",
        404 => "There is nothing at this address, or it is not yours to see.",
        405 => "This address does not accept that HTTP method.",
        413 => "The request body is too large.",
        415 => "Send the body as application/json.",
        _ => null,
    };
}
