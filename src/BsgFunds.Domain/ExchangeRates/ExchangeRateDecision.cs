using BsgFunds.Domain.Audit;

namespace BsgFunds.Domain.ExchangeRates;

public static class ExchangeRateDecision
{
    /// <summary>Rates carry at most this many decimal places: enough for CHF per unit of the weakest currencies.</summary>
    public const int MaxRateDecimals = 10;

    /// <param name="inUse">Whether money events were valued at the month's recorded rate of this currency: such a rate is fixed.</param>
    public static Decision<ExchangeRateRecorded> Record(
        MonthlyExchangeRates? current, string currency, string month, decimal rateToChf, string source, bool inUse, ClosedYears closed,
        string recordedBy, DateTimeOffset now)
    {
        if (!YearMonth.TryParse(month, out var yearMonth))
            return Decision.Refuse<ExchangeRateRecorded>(Refusal.Invalid("month-malformed",
                $"'{month}' is not a month: write it yyyy-MM, e.g. 2026-03.",
                "month"));
        if (closed.Refuse(new DateOnly(yearMonth.Year, yearMonth.Month, 1)) is { } shut) return Decision.Refuse<ExchangeRateRecorded>(shut);
        if (Bounds.Range(new DateOnly(yearMonth.Year, yearMonth.Month, 1), "month", Bounds.Today(now)) is { } outOfRange)
            return Decision.Refuse<ExchangeRateRecorded>(outOfRange);
        if (!Currency.IsKnown(currency))
            return Decision.Refuse<ExchangeRateRecorded>(Refusal.Invalid("currency-unknown",
                $"'{currency}' is not an ISO 4217 currency code (three upper-case letters, e.g. USD).",
                "currency"));
        if (currency == Currency.ReportingCode)
            return Decision.Refuse<ExchangeRateRecorded>(Refusal.Invalid("reporting-currency-has-no-rate",
                "CHF is the reporting currency: its rate to CHF is 1 by definition and is not recorded.",
                "currency"));
        if (rateToChf <= 0)
            return Decision.Refuse<ExchangeRateRecorded>(Refusal.Invalid("exchange-rate-not-positive", "The rate to CHF must be greater than zero.",
                "rateToChf"));
        if (decimal.Round(rateToChf, MaxRateDecimals) != rateToChf)
            return Decision.Refuse<ExchangeRateRecorded>(Refusal.Invalid("exchange-rate-too-precise",
                $"The rate to CHF may have at most {MaxRateDecimals} decimal places.",
                "rateToChf"));

        // Recording the rate already in force again changes nothing, so it writes nothing.
        if (current?.RateOf(currency) is { } existing && existing.RateToChf == rateToChf && existing.Source == source)
            return Decision.Nothing<ExchangeRateRecorded>();
        if (inUse && current?.RateOf(currency) is { } used)
            return Decision.Refuse<ExchangeRateRecorded>(Refusal.Conflict("rate-in-use",
                $"The {yearMonth} rate of {currency} ({used.RateToChf}) has valued money events and is fixed; correct those events by reversal."));

        return Decision.Accept(new ExchangeRateRecorded(StreamIds.ExchangeRates(yearMonth), yearMonth.ToString(), currency, rateToChf, source,
            recordedBy, now));
    }
}
