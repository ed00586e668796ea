using BsgFunds.Api.Setup;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BsgFunds.Api.Dev;

public sealed record IssueDevToken([property: Required] string? Sub, string? Name, [property: Required] IReadOnlyList<string>? Roles, Guid? DonorId);

/// <summary>
/// POST /api/dev/token: a signed token for any person and roles, so that the API can be tried locally without an
/// identity provider. It is mapped only in the Development environment; elsewhere the route does not exist.
/// </summary>
public static class IssueDevTokenEndpoint
{
    // Long enough to try things over several days (and for tests that move the clock); Development only.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static void MapDevTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/dev/token", Issue)
            .AllowAnonymous()
            .WithName("IssueDevToken")
            .WithTags("Development")
            .WithSummary("Issues a development token (Development environment only).")
            .WithDescription("A signed token for any person and roles, so that the API can be tried without an identity provider.")
            .Produces<DevToken>()
            .ProducesValidationProblem();

    private static IResult Issue(IssueDevToken? request, IConfiguration config, TimeProvider clock)
    {
        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The token request is invalid.",
            type: Problems.TypeFor("dev-token-request-invalid"));

        var claims = new Dictionary<string, object>
        {
            [Claims.Subject] = request!.Sub!,
            [Claims.Name] = string.IsNullOrWhiteSpace(request.Name) ? request.Sub! : request.Name,
            [Claims.Role] = request.Roles!.Distinct(StringComparer.Ordinal).ToArray(),
        };
        if (request.DonorId is { } donorId) claims[Claims.DonorId] = donorId.ToString();

        var now = clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSetup.DevIssuer,
            Audience = config["Auth:Audience"] ?? AuthSetup.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(AuthSetup.DevSigningKey(config), SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new DevToken(token));
    }

    private static Dictionary<string, string[]> Validate(IssueDevToken? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null) return new() { ["body"] = ["A JSON body { sub, name, roles, donorId } is required."] };
        if (string.IsNullOrWhiteSpace(request.Sub) || request.Sub.Length > 200)
            errors["sub"] = ["'sub' (the person's identifier) is required, at most 200 characters."];
        if (request.Name is { Length: > 200 }) errors["name"] = ["'name' is at most 200 characters."];
        // Who acted is stored on every event: the same text bounds as any command's (domain.md §10).
        if (!errors.ContainsKey("sub") && Domain.Bounds.Text(request.Sub!, "sub") is { } badSub) errors["sub"] = [badSub.Detail];
        if (request.Name is not null && Domain.Bounds.Text(request.Name, "name") is { } badName) errors["name"] = [badName.Detail];
        if (request.Roles is null || request.Roles.Count == 0)
            errors["roles"] = [$"'roles' needs at least one of: {string.Join(", ", Roles.All)}."];
        else if (request.Roles.Where(r => !Roles.All.Contains(r)).Select(r => r ?? "null").FirstOrDefault() is { } unknown)
            errors["roles"] = [$"'{unknown}' is not a role; roles are: {string.Join(", ", Roles.All)}."];
        var isDonor = request.Roles?.Contains(Roles.Donor) == true;
        // The API refuses such a token on every request (403 role-conflict); signing one would only hand out a dud.
        if (isDonor && request.Roles!.Any(r => r != Roles.Donor) && !errors.ContainsKey("roles"))
            errors["roles"] = ["A person is either staff or a donor: a token with the Donor role carries no other role."];
        if (isDonor && request.DonorId is null) errors["donorId"] = ["A Donor token needs 'donorId', the donor record it may read."];
        if (!isDonor && request.DonorId is not null) errors["donorId"] = ["'donorId' belongs only in a token with the Donor role."];
        return errors;
    }
}
