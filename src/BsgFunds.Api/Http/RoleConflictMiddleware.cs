
namespace BsgFunds.Api.Http;

/// <summary>
/// domain.md §10: a person is either staff or a donor, never both. A token that carries the Donor role with any
/// other role is refused with 403 <c>role-conflict</c> on every request, reads included, right after sign-in: an
/// endpoint admitting one of its roles would otherwise act on a caller whose capacity is ambiguous.
/// </summary>
public static partial class RoleConflictMiddleware
{
    public const string Code = "role-conflict";

    public const string IdentityCode = "identity-invalid";

    public static IApplicationBuilder UseRoleConflictRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && BadIdentity(context.User) is { } bad)
        {
            // The person's sub and name are stored on every event they write: text the database and a reader can trust.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Unauthorized(Problems.From(new Refusal(RefusalKind.Forbidden, IdentityCode,
                    $"The token's '{bad.Field}' claim is not text a person typed: {bad.Detail} Sign in again with a valid identity."))),
            });
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true || !context.User.HasRoleConflict())
        {
            await next(context);
            return;
        }

        Refused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BsgFunds.SignIn"),
            context.User.FindFirst(Claims.Subject)?.Value ?? "(no sub)", context.Request.Method, context.Request.Path);
        var problem = Problems.From(new Refusal(RefusalKind.Forbidden, Code,
            "This sign-in carries the Donor role together with a staff role; a person is either staff or a donor. " +
            "Ask your administrator to remove one of the roles, or sign in with an account that has only one of them."));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    });

    private static Refusal? BadIdentity(System.Security.Claims.ClaimsPrincipal user) =>
        new[] { Claims.Subject, Claims.Name }
            .Select(claim => user.FindFirst(claim)?.Value is { } value ? Bounds.Text(value, claim) : null)
            .FirstOrDefault(r => r is not null);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unauthorized(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        problem.Status = StatusCodes.Status401Unauthorized;
        problem.Title = "Sign in again.";
        return problem;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Refused {Method} {Path}: the token of {Subject} has the Donor role and a staff role")]
    private static partial void Refused(ILogger logger, string subject, string method, string path);
}
