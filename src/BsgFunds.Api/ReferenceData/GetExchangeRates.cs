using BsgFunds.Api.Lists;
using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Api.ReferenceData;

public static class GetExchangeRatesEndpoint
{
    public static ProblemDetails Validate(string? month, int? page, int? pageSize) =>
        (YearMonth.TryParse(month, out _)
            ? WolverineContinue.NoProblems
            : Problems.From(Refusal.Invalid("month-malformed", month is null
                ? "The query parameter 'month' (yyyy-MM) is required."
                : $"'{month}' is not a month: write it yyyy-MM, e.g. 2026-03.", "month"))).ThenPaging(page, pageSize);

    /// <summary>The rates in force for the month, one per currency (the latest recorded) by currency code; none recorded is an empty list.</summary>
    [WolverineGet("/api/exchange-rates", OperationId = "GetExchangeRates")]
    [Authorize(Roles = Roles.AnySignedIn)]
    [Tags("Reference data")]
    public static async Task<ListPage<ExchangeRateView>> Get(string? month, int? page, int? pageSize, IQuerySession session)
    {
        YearMonth.TryParse(month, out var yearMonth);
        // A month's rates are one document of at most one rate per currency, so they are paged in memory.
        var rates = await session.LoadAsync<MonthlyExchangeRates>(StreamIds.ExchangeRates(yearMonth));
        IReadOnlyList<ExchangeRateView> all =
            rates?.Rates.OrderBy(r => r.Currency, StringComparer.Ordinal).Select(ExchangeRateView.From).ToList() ?? [];
        return all.PageOf(PageRequest.Of(page, pageSize));
    }
}
