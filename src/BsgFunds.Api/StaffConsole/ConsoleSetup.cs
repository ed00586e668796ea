using System.Text.Json;
using Microsoft.Extensions.FileProviders;

namespace BsgFunds.Api.StaffConsole;

/// <summary>
/// The staff console (docs/console.md): static files built from src/BsgFunds.Console into wwwroot/console, open to
/// anyone since they hold no data; every figure and every command goes through the API with the person's own token.
/// The page learns how to sign in from /console/config.json. The built files are not committed: a host without them
/// answers 503 with a page saying how to build them, rather than an empty 404.
/// </summary>
public static class ConsoleSetup
{
    public const string Path = "/console";
    public const string DefaultClientId = "bsgfunds-console";
    public const string DefaultScope = "openid profile offline_access";

    public static WebApplication UseBsgConsole(this WebApplication app)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot", "console");
        var files = new PhysicalFileProvider(Directory.Exists(folder) ? folder : AppContext.BaseDirectory);
        var built = File.Exists(System.IO.Path.Combine(folder, "index.html"));
        var config = ClientConfig(app.Configuration, app.Environment);
        var policy = ContentSecurityPolicy(config.Authority);

        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), console => console.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = policy;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            // The page is replaced at every deploy: a browser must not keep an old bundle against a newer API.
            context.Response.Headers.CacheControl = "no-cache";
            var path = context.Request.Path.Value ?? string.Empty;
            if (path.Equals(Path + "/config.json", StringComparison.Ordinal))
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(config, JsonSerializerOptions.Web));
                return;
            }

            if (!built)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(NotBuiltPage);
                return;
            }

            await next();
        }));
        if (!built) return app;
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { RequestPath = Path, FileProvider = files });
        return app;
    }

    /// <summary>What the page needs to sign a person in: the dev token in Development, the OpenID Connect issuer elsewhere.</summary>
    public static ConsoleClientConfig ClientConfig(IConfiguration config, IHostEnvironment environment) => environment.IsDevelopment()
        ? new ConsoleClientConfig("development", null, null, null)
        : new ConsoleClientConfig("oidc", config["Auth:Authority"], config["Console:ClientId"] ?? DefaultClientId,
            config["Console:Scope"] ?? DefaultScope);

    /// <summary>Nothing but this origin, and the issuer's for its discovery document and token endpoint (connect-src only).</summary>
    public static string ContentSecurityPolicy(string? authority)
    {
        var issuer = Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : string.Empty;
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" + issuer + "; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    private const string NotBuiltPage = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Staff console not built</title></head>
        <body><main><h1>The staff console has not been built</h1>
        <p>This host has no built console files (wwwroot/console). Build them with
        <code>cd src/BsgFunds.Console &amp;&amp; npm ci &amp;&amp; npm run build</code> and build the API again;
        deploy/test.sh, deploy/run-api.sh and the Docker image do this. See docs/console.md.</p></main></body></html>
        """;
}

/// <summary>The console's sign-in settings, served anonymously at /console/config.json; nothing secret (a public client).</summary>
public sealed record ConsoleClientConfig(string SignIn, string? Authority, string? ClientId, string? Scope);
