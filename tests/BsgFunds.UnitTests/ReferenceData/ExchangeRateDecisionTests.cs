using BsgFunds.Domain;
using BsgFunds.Domain.ExchangeRates;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.ReferenceData;

public class ExchangeRateDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Decision<ExchangeRateRecorded> Record(MonthlyExchangeRates? current, string currency, string month, decimal rate,
        string source = "UN operational rate") =>
        ExchangeRateDecision.Record(current, currency, month, rate, source, inUse: false, "fo1", Now);

    [Fact]
    public void a_rate_is_recorded_for_its_month_and_currency()
    {
        var decision = Record(null, "USD", "2026-11", 0.8123m);
        decision.IsRefused.Should().BeFalse();
        decision.Events.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Month = "2026-11", Currency = "USD", RateToChf = 0.8123m, Source = "UN operational rate", RecordedBy = "fo1", RecordedAt = Now,
            MonthId = StreamIds.ExchangeRates(new YearMonth(2026, 11)),
        });
    }

    [Theory]
    [InlineData("USD", "2026-13", 1, "month-malformed", "month")]
    [InlineData("XYZ", "2026-11", 1, "currency-unknown", "currency")]
    [InlineData("usd", "2026-11", 1, "currency-unknown", "currency")]
    [InlineData("CHF", "2026-11", 1, "reporting-currency-has-no-rate", "currency")]
    [InlineData("USD", "2026-11", 0, "exchange-rate-not-positive", "rateToChf")]
    [InlineData("USD", "2026-11", -0.8, "exchange-rate-not-positive", "rateToChf")]
    [InlineData("USD", "2026-11", 0.00000000001, "exchange-rate-too-precise", "rateToChf")]
    public void bad_rates_are_refused_with_a_code_and_the_field(string currency, string month, double rate, string code, string field)
    {
        var decision = Record(null, currency, month, (decimal)rate);
        decision.Refusal.Should().BeEquivalentTo(new { Kind = RefusalKind.Invalid, Code = code, Field = field });
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void a_later_rate_supersedes_the_earlier_one_for_that_currency_only()
    {
        var rates = MonthlyExchangeRates.Create(Record(null, "USD", "2026-11", 0.8m).Events[0]);
        rates = MonthlyExchangeRates.Apply(rates, Record(rates, "EUR", "2026-11", 0.94m).Events[0]);
        rates = MonthlyExchangeRates.Apply(rates, Record(rates, "USD", "2026-11", 0.81m, "corrected").Events[0]);

        rates.RateOf("USD")!.RateToChf.Should().Be(0.81m);
        rates.RateOf("EUR")!.RateToChf.Should().Be(0.94m);
        rates.Rates.Should().HaveCount(2);
    }

    [Fact]
    public void recording_the_rate_in_force_again_writes_nothing()
    {
        var rates = MonthlyExchangeRates.Create(Record(null, "USD", "2026-11", 0.8m).Events[0]);
        var again = Record(rates, "USD", "2026-11", 0.8m);
        again.IsRefused.Should().BeFalse();
        again.Events.Should().BeEmpty();
    }
}
