using System.Text.RegularExpressions;

namespace BsgFunds.Api.Http;

/// <summary>
/// Wolverine answers a body it cannot read with a 400 titled "Invalid JSON format" and the serializer's message.
/// This gives it our stable code, an <c>errors</c> entry for the field at fault, and a message without .NET type names.
/// </summary>
public static partial class JsonProblems
{
    public const string Code = "json-invalid";
    public const string DuplicateCode = "json-property-repeated";
    private const string WolverineTitle = "Invalid JSON format";
    private const string WolverineQueryTitle = "Invalid query string value";
    public const string QueryCode = "query-invalid";

    /// <summary>Rewrites Wolverine's problem for an unreadable body; false when the problem is about something else.</summary>
    public static bool Explain(ProblemDetails problem, HttpContext context)
    {
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != WolverineTitle) return false;
        if (RequestBounds.RefusalOf(context) is { } refusal)
        {
            Restate(problem, Problems.From(refusal));
            context.Response.StatusCode = problem.Status!.Value;
            return true;
        }

        var message = problem.Detail ?? string.Empty;
        string field, detail, code = Code;
        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
        {
            field = duplicate.Groups[1].Value;
            detail = $"'{field}' is given more than once; name each field once.";
            code = DuplicateCode;
        }
        else if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            field = unmapped.Groups[1].Value;
            detail = $"'{field}' is not a field of this request.";
        }
        else
        {
            field = JsonPath().Match(message) is { Success: true } path ? path.Groups[1].Value.TrimStart('$', '.') : string.Empty;
            if (field.Length == 0) field = "body";
            detail = message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"'{field}' has a value of the wrong type or outside its allowed values."
                : $"The body is not valid JSON: {TypeNames().Replace(message, string.Empty)}";
        }

        problem.Type = Problems.TypeFor(code);
        problem.Title = "The request body could not be read.";
        problem.Detail = detail;
        problem.Extensions["code"] = code;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        return true;
    }

    /// <summary>
    /// Wolverine refuses a query parameter it cannot parse with its own problem, naming the parameter and a .NET type: this
    /// gives it a stable code and an <c>errors</c> entry, in words a client can act on.
    /// </summary>
    public static void ExplainQuery(ProblemDetails problem)
    {
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != WolverineQueryTitle) return;
        var parameter = problem.Extensions.TryGetValue("parameter", out var p) && p is string name ? name : "query";
        var detail = $"The query parameter '{parameter}' has a value of the wrong type or out of range.";
        problem.Type = Problems.TypeFor(QueryCode);
        problem.Title = "The request is invalid.";
        problem.Detail = detail;
        problem.Extensions["code"] = QueryCode;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [detail] };
    }

    private static void Restate(ProblemDetails problem, ProblemDetails refusal)
    {
        problem.Status = refusal.Status;
        problem.Type = refusal.Type;
        problem.Title = refusal.Title;
        problem.Detail = refusal.Detail;
        problem.Extensions.Remove("lineNumber");
        problem.Extensions.Remove("bytePositionInLine");
        foreach (var (key, value) in refusal.Extensions) problem.Extensions[key] = value;
        if (refusal is ValidationProblemDetails validation) problem.Extensions["errors"] = validation.Errors;
    }

    [GeneratedRegex("Duplicate property '([^']+)'")]
    private static partial Regex DuplicateProperty();

    /// <summary>One line, no stack trace: a malformed body is the client's mistake, and must not be a cheap way to fill the logs.</summary>
    public static void LogRefused(HttpContext context, ProblemDetails problem) =>
        Refused(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("BsgFunds.Requests"),
            context.Request.Method, context.Request.Path, problem.Detail ?? string.Empty);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Refused an unreadable JSON body on {Method} {Path}: {Detail}")]
    private static partial void Refused(ILogger logger, string method, string path, string detail);

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"Path: (\$[^\s|]*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"\s*(to|of) type '[^']+'")]
    private static partial Regex TypeNames();
}
