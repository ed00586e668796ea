using BsgFunds.Domain.ExchangeRates;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.ReferenceData;

// The state and its Create/Apply live in the pure domain project; this thin projection lets Marten's source
// generator (which runs only where Marten is referenced) dispatch to them.
public sealed partial class MonthlyExchangeRatesProjection : SingleStreamProjection<MonthlyExchangeRates, Guid>
{
    public static MonthlyExchangeRates Create(ExchangeRateRecorded recorded) => MonthlyExchangeRates.Create(recorded);

    public static MonthlyExchangeRates Apply(ExchangeRateRecorded recorded, MonthlyExchangeRates rates) => MonthlyExchangeRates.Apply(rates,
        recorded);
}
