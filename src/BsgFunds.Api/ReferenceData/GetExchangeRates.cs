using BsgFunds.Api.Setup;
using BsgFunds.Domain;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.Domain.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.ReferenceData;

public sealed record MonthExchangeRatesView(string Month, IReadOnlyList<ExchangeRateView> Rates);

public static class GetExchangeRatesEndpoint
{
    public static ProblemDetails Validate(string? month) =>
        YearMonth.TryParse(month, out _)
            ? WolverineContinue.NoProblems
            : Problems.From(Refusal.Invalid("month-malformed", "month", month is null
                ? "The query parameter 'month' (yyyy-MM) is required."
                : $"'{month}' is not a month: write it yyyy-MM, e.g. 2026-03."));

    /// <summary>The rates in force for the month, one per currency (the latest recorded); none recorded is an empty list.</summary>
    [WolverineGet("/api/exchange-rates", OperationId = "GetExchangeRates")]
    [Authorize(Roles = Roles.AnySignedIn)]
    [Tags("Reference data")]
    public static async Task<MonthExchangeRatesView> Get(string? month, IQuerySession session)
    {
        YearMonth.TryParse(month, out var yearMonth);
        var rates = await session.LoadAsync<MonthlyExchangeRates>(StreamIds.ExchangeRates(yearMonth));
        return new MonthExchangeRatesView(
            yearMonth.ToString(),
            rates?.Rates.OrderBy(r => r.Currency, StringComparer.Ordinal).Select(ExchangeRateView.From).ToList() ?? []);
    }
}
