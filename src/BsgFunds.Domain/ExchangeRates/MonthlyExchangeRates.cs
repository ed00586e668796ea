namespace BsgFunds.Domain.ExchangeRates;

/// <summary>The rates in force for one month: the latest recorded per currency. One stream per month.</summary>
public sealed record MonthlyExchangeRates(Guid Id, string Month, IReadOnlyList<ExchangeRateRecorded> Rates)
{
    public static MonthlyExchangeRates Create(ExchangeRateRecorded recorded) => new(recorded.MonthId, recorded.Month, [recorded]);

    public static MonthlyExchangeRates Apply(MonthlyExchangeRates rates, ExchangeRateRecorded recorded) =>
        rates with { Rates = [.. rates.Rates.Where(r => r.Currency != recorded.Currency), recorded] };

    public ExchangeRateRecorded? RateOf(string currency) => Rates.FirstOrDefault(r => r.Currency == currency);
}
