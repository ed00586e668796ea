using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace BsgFunds.Api.Setup;

/// <summary>
/// JWT bearer sign-in. In Development the API signs its own tokens (POST /api/dev/token) with a local key;
/// everywhere else it trusts only the OpenID Connect issuer configured under Auth:Authority.
/// </summary>
public static class AuthSetup
{
    public const string DevIssuer = "bsgfunds-dev";
    public const string Audience = "bsgfunds";

    public static WebApplicationBuilder AddBsgAuthentication(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var isDevelopment = builder.Environment.IsDevelopment();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = Claims.Name;
            options.TokenValidationParameters.RoleClaimType = Claims.Role;
            options.TokenValidationParameters.ValidAudience = config["Auth:Audience"] ?? Audience;
            if (isDevelopment)
            {
                options.TokenValidationParameters.ValidIssuer = DevIssuer;
                options.TokenValidationParameters.IssuerSigningKey = DevSigningKey(config);
            }
            else
            {
                options.Authority = config["Auth:Authority"] is { Length: > 0 } authority
                    ? authority
                    : throw new InvalidOperationException("Auth:Authority (the OpenID Connect issuer to trust) is not configured.");
                // Metadata over plain http only when a test says so and the issuer is on this machine (tests/BsgFunds.ConsoleTests
                // starts one on loopback); any other issuer's keys come over https.
                options.RequireHttpsMetadata = !(config.GetValue<bool>("Auth:AllowLoopbackHttpIssuer") && IsLoopback(options.Authority));
            }
        });

        // A missing issuer stops the process at start, not at its first request.
        if (!isDevelopment) builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).ValidateOnStart();

        // Nothing is anonymous unless it says so: health checks, Swagger and, in Development, the token endpoint.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    private static bool IsLoopback(string authority) => Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public static SymmetricSecurityKey DevSigningKey(IConfiguration config)
    {
        var key = config["Auth:DevSigningKey"];
        if (key is null || Encoding.UTF8.GetByteCount(key) < 32)
            throw new InvalidOperationException("Auth:DevSigningKey must be set to at least 32 bytes in Development.");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }
}
