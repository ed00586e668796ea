
namespace BsgFunds.Api.Http;

/// <summary>Turns refusals into RFC 9457 problem details with a stable <c>code</c> (docs/problems.md).</summary>
public static class Problems
{
    public static string TypeFor(string code) => $"urn:bsgfunds:problem:{code}";

    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemDetails From(Refusal refusal)
    {
        var status = StatusOf(refusal.Kind);
        ProblemDetails problem = refusal.Field is { } field && refusal.Kind == RefusalKind.Invalid
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [refusal.Detail] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Type = TypeFor(refusal.Code);
        problem.Title = TitleOf(refusal.Kind);
        problem.Detail = refusal.Detail;
        problem.Extensions["code"] = refusal.Code;
        return problem;
    }

    /// <summary>400 with one message per field, for input that is missing or malformed.</summary>
    public static ValidationProblemDetails Invalid(IDictionary<string, string[]> errors) => new(errors)
    {
        Status = StatusCodes.Status400BadRequest,
        Type = TypeFor("request-invalid"),
        Title = "The request is invalid.",
        Detail = string.Join(" ", errors.SelectMany(e => e.Value)),
        Extensions = { ["code"] = "request-invalid" },
    };

    public static ValidationProblemDetails MissingBody(string shape) =>
        Invalid(new Dictionary<string, string[]> { ["body"] = [$"A JSON body {shape} is required."] });

    private static string TitleOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => "The request is invalid.",
        RefusalKind.Forbidden => "You may not do this.",
        RefusalKind.NotFound => "Not found.",
        RefusalKind.Conflict => "The request conflicts with the current state.",
        RefusalKind.PreconditionFailed => "The resource changed since you read it.",
        _ => "A business rule refuses the request.",
    };
}
