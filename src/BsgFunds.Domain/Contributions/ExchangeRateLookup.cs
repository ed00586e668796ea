using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Domain.Contributions;

public static class ExchangeRateLookup
{
    /// <summary>The recorded rate of a currency for a month. CHF is 1; a missing rate is a refusal, never a silent 1.</summary>
    public static (RateInForce? Rate, Refusal? Refusal) Find(MonthlyExchangeRates? rates, string currency, DateOnly day)
    {
        var month = YearMonth.Of(day).ToString();
        if (currency == Currency.ReportingCode) return (new RateInForce(1m, "CHF is the reporting currency", month), null);
        return rates?.RateOf(currency) is { } recorded
            ? (new RateInForce(recorded.RateToChf, recorded.Source, month), null)
            : (null, Refusal.RuleBroken("exchange-rate-missing",
                $"No {currency} rate to CHF is recorded for {month}: record it with PUT /api/exchange-rates/{currency}/{month} first."));
    }
}
