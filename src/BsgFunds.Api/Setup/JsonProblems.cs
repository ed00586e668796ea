using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace BsgFunds.Api.Setup;

/// <summary>
/// Wolverine answers a body it cannot read with a 400 titled "Invalid JSON format" and the serializer's message.
/// This gives it our stable code, an <c>errors</c> entry for the field at fault, and a message without .NET type names.
/// </summary>
public static partial class JsonProblems
{
    public const string Code = "json-invalid";
    private const string WolverineTitle = "Invalid JSON format";

    public static void Explain(ProblemDetails problem)
    {
        if (problem.Status != StatusCodes.Status400BadRequest || problem.Title != WolverineTitle) return;

        var message = problem.Detail ?? string.Empty;
        string field, detail;
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
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

        problem.Type = Problems.TypeFor(Code);
        problem.Title = "The request body could not be read.";
        problem.Detail = detail;
        problem.Extensions["code"] = Code;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
    }

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"Path: (\$[^\s|]*)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"\s*(to|of) type '[^']+'")]
    private static partial Regex TypeNames();
}
