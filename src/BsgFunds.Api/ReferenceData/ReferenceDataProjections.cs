using BsgFunds.Domain.ExchangeRates;
using BsgFunds.Domain.ReferenceData;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.ReferenceData;

// The state and its Create/Apply live in the pure domain project; these thin projections let Marten's source
// generator (which runs only where Marten is referenced) dispatch to them.
public sealed partial class MonthlyExchangeRatesProjection : SingleStreamProjection<MonthlyExchangeRates, Guid>
{
    public static MonthlyExchangeRates Create(ExchangeRateRecorded recorded) => MonthlyExchangeRates.Create(recorded);

    public static MonthlyExchangeRates Apply(ExchangeRateRecorded recorded, MonthlyExchangeRates rates) => MonthlyExchangeRates.Apply(rates,
        recorded);
}

public sealed partial class CountryClassificationHistoryProjection : SingleStreamProjection<CountryClassificationHistory, Guid>
{
    public static CountryClassificationHistory Create(CountryClassificationRecorded recorded) => CountryClassificationHistory.Create(recorded);

    public static CountryClassificationHistory Apply(CountryClassificationRecorded recorded, CountryClassificationHistory history) =>
        CountryClassificationHistory.Apply(history, recorded);
}
