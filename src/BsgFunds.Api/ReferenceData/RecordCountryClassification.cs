using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Api.ReferenceData;

/// <summary>
/// The country is a member of <see cref="Group"/> from <see cref="From"/> until <see cref="To"/> (exclusive; null
/// while it lasts). It replaces any recorded period of that group it overlaps, e.g. an LDC period now ending on graduation.
/// </summary>
public sealed record RecordCountryClassification([property: Required] CountryGroup? Group,
    [property: Required] [property: Historical] DateOnly? From, [property: Historical] DateOnly? To, string? Source);

public static class RecordCountryClassificationEndpoint
{
    public static ProblemDetails Validate(RecordCountryClassification? command)
    {
        if (command is null) return Problems.MissingBody("{ group, from, to?, source? }");
        var errors = new Dictionary<string, string[]>();
        if (command.Group is null) errors["group"] = [$"'group' is required: one of {string.Join(", ", Enum.GetNames<CountryGroup>())}."];
        if (command.From is null) errors["from"] = ["'from' (yyyy-MM-dd, the first day of membership) is required."];
        if (command.Source is { Length: > 500 }) errors["source"] = ["'source' is at most 500 characters."];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Invalid(errors);
    }

    [WolverinePut("/api/countries/{code}/classifications", OperationId = "RecordCountryClassification")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Reference data")]
    public static async Task<CountryView> Put(
        string code, RecordCountryClassification command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var recorded = CountryClassificationDecision
            .Record(code, command.Group!.Value, command.From!.Value, command.To, command.Source, user.FindFirstValue(Claims.Subject)!, now)
            .OrRefuse()[0];
        session.Events.Append(recorded.CountryId, recorded);

        var country = (await Countries.FindAsync(session, code))!.With([recorded]);
        return CountryView.Of(country, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
