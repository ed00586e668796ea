using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.ReferenceData;

public class ExchangeRateDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Decision<ExchangeRateRecorded> Record(MonthlyExchangeRates? current, string currency, string month, decimal rate,
        string source = "UN operational rate") =>
        ExchangeRateDecision.Record(current, currency, month, rate, source, inUse: false, ClosedYears.None, "fo1", Now);

    [Fact]
    public void a_rate_is_recorded_for_its_month_and_currency() =>
        Deciders.ExchangeRates.Given()
            .When(rates => Record(rates, "USD", "2026-11", 0.8123m))
            .Then(new ExchangeRateRecorded(StreamIds.ExchangeRates(new YearMonth(2026, 11)), "2026-11", "USD", 0.8123m, "UN operational rate", "fo1",
                Now));

    [Theory]
    [InlineData("USD", "2026-13", 1, "month-malformed", "month")]
    [InlineData("XYZ", "2026-11", 1, "currency-unknown", "currency")]
    [InlineData("usd", "2026-11", 1, "currency-unknown", "currency")]
    [InlineData("CHF", "2026-11", 1, "reporting-currency-has-no-rate", "currency")]
    [InlineData("USD", "2026-11", 0, "exchange-rate-not-positive", "rateToChf")]
    [InlineData("USD", "2026-11", -0.8, "exchange-rate-not-positive", "rateToChf")]
    [InlineData("USD", "2026-11", 0.00000000001, "exchange-rate-too-precise", "rateToChf")]
    public void bad_rates_are_refused_with_a_code_and_the_field(string currency, string month, double rate, string code, string field) =>
        Deciders.ExchangeRates.Given()
            .When(rates => Record(rates, currency, month, (decimal)rate))
            .ThenRefused(code).Should().BeEquivalentTo(new { Kind = RefusalKind.Invalid, Field = field });

    [Fact]
    public void a_later_rate_supersedes_the_earlier_one_for_that_currency_only() =>
        Deciders.ExchangeRates.Given()
            .And(rates => Record(rates, "USD", "2026-11", 0.8m))
            .And(rates => Record(rates, "EUR", "2026-11", 0.94m))
            .When(rates => Record(rates, "USD", "2026-11", 0.81m, "corrected"))
            .ThenState(rates =>
            {
                rates.RateOf("USD")!.RateToChf.Should().Be(0.81m);
                rates.RateOf("EUR")!.RateToChf.Should().Be(0.94m);
                rates.Rates.Should().HaveCount(2);
            });

    [Fact]
    public void recording_the_rate_in_force_again_writes_nothing() =>
        Deciders.ExchangeRates.Given()
            .And(rates => Record(rates, "USD", "2026-11", 0.8m))
            .When(rates => Record(rates, "USD", "2026-11", 0.8m))
            .ThenNothing();
}
