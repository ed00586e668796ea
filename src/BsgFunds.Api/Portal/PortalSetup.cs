using Microsoft.Extensions.FileProviders;

namespace BsgFunds.Api.Portal;

/// <summary>
/// The donor portal (docs/portal.md): static files under /portal, open to anyone since they hold no data; every
/// figure comes from the API with the donor's own token. A strict content security policy: nothing but this origin.
/// </summary>
public static class PortalSetup
{
    public const string Path = "/portal";

    public static WebApplication UseBsgPortal(this WebApplication app)
    {
        var files = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot", "portal"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), portal => portal.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy =
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        }));
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { RequestPath = Path, FileProvider = files });
        return app;
    }
}
