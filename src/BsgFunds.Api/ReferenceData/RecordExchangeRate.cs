using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Api.ReferenceData;

/// <summary>The month's rate of a currency to CHF: how many CHF one unit is worth, and where the rate comes from.</summary>
public sealed record RecordExchangeRate([property: Required] decimal? RateToChf, [property: Required] string? Source);

public static class RecordExchangeRateEndpoint
{
    public static ProblemDetails Validate(RecordExchangeRate? command)
    {
        if (command is null) return Problems.MissingBody("{ rateToChf, source }");
        var errors = new Dictionary<string, string[]>();
        if (command.RateToChf is null) errors["rateToChf"] = ["'rateToChf' (CHF per one unit of the currency) is required."];
        if (string.IsNullOrWhiteSpace(command.Source))
            errors["source"] = ["'source' (where the rate comes from, e.g. UN operational rate) is required."];
        else if (command.Source.Length > 200) errors["source"] = ["'source' is at most 200 characters."];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Problems.Invalid(errors);
    }

    [WolverinePut("/api/exchange-rates/{currency}/{month}", OperationId = "RecordExchangeRate")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Reference data")]
    public static async Task<ExchangeRateView> Put(
        string currency, string month, RecordExchangeRate command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var closed = await session.ClosedYearsAsync();
        var current = YearMonth.TryParse(month, out var yearMonth)
            ? await session.LoadAsync<MonthlyExchangeRates>(StreamIds.ExchangeRates(yearMonth))
            : null;
        var inUse = current?.RateOf(currency) is not null && await InUseAsync(session, currency, yearMonth.ToString());
        var events = ExchangeRateDecision
            .Record(current, currency, month, command.RateToChf!.Value, command.Source!.Trim(), inUse, closed,
                user.FindFirstValue(Claims.Subject)!,
                clock.GetUtcNow())
            .OrRefuse();
        foreach (var recorded in events) session.Events.Append(recorded.MonthId, recorded);
        return ExchangeRateView.From(events.Count > 0 ? events[0] : current!.RateOf(currency)!);
    }

    /// <summary>
    /// Whether an agreement or a receipt was valued at the month's recorded rate of the currency (a receipt at an override rate
    /// was not). The stored events say so; an index serves the look-up (deploy/sql/append-only.sql).
    /// </summary>
    private static async Task<bool> InUseAsync(IQuerySession session, string currency, string month) =>
        (await session.QueryAsync<int>(
            $"""
             select 1 from {MartenSetup.Schema}.mt_events
             where type in ('agreement_signed', 'contribution_received') and data->>'RateMonth' = ? and data->'Amount'->>'Currency' = ?
               and data->>'RateOverrideReason' is null limit 1
             """,
            month, currency)).Count > 0;
}
