using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.Api.ReferenceData;

public sealed record ExchangeRateView(string Currency, string Month, decimal RateToChf, string Source, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static ExchangeRateView From(ExchangeRateRecorded r) => new(r.Currency, r.Month, r.RateToChf, r.Source, r.RecordedBy, r.RecordedAt);
}
