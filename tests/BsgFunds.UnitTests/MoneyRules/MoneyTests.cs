using BsgFunds.Domain;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.MoneyRules;

public class MoneyTests
{
    [Theory]
    [InlineData("CHF", 2)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("XOF", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("TND", 3)]
    public void minor_units_come_from_the_iso_4217_table(string code, int minorUnit)
    {
        Currency.TryFind(code, out var currency).Should().BeTrue();
        currency.MinorUnit.Should().Be(minorUnit);
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX1")]
    [InlineData("ABC")]
    [InlineData("")]
    [InlineData(null)]
    public void unknown_or_lower_case_codes_are_not_currencies(string? code)
    {
        Domain.Money.TryCreate(1m, code, out _, out var error).Should().BeFalse();
        error.Should().Contain("ISO 4217");
    }

    [Theory]
    [InlineData(10.5, "CHF", true)]
    [InlineData(10.55, "CHF", true)]
    [InlineData(10.555, "CHF", false)]
    [InlineData(1000, "JPY", true)]
    [InlineData(1000.5, "JPY", false)]
    [InlineData(1.234, "KWD", true)]
    [InlineData(1.2345, "KWD", false)]
    [InlineData(-3.10, "EUR", true)]
    [InlineData(0, "USD", true)]
    public void amounts_finer_than_the_minor_unit_are_refused(double amount, string code, bool accepted)
    {
        Domain.Money.TryCreate((decimal)amount, code, out var money, out var error).Should().Be(accepted);
        if (accepted) money.Amount.Should().Be((decimal)amount);
        else error.Should().Contain(code);
    }

    [Fact]
    public void trailing_zeros_do_not_make_a_different_amount()
    {
        Domain.Money.Of(10.5m, "CHF").Should().Be(Domain.Money.Of(10.500m, "CHF"));
        Domain.Money.Of(10.5m, "CHF").ToString().Should().Be("10.50 CHF");
        Domain.Money.Of(10.5m, "CHF").Should().NotBe(Domain.Money.Of(10.5m, "USD"));
    }

    [Theory]
    // Half away from zero, once, to the centime.
    [InlineData(100.00, 0.8123, 81.23)]
    [InlineData(0.01, 0.5, 0.01)]        // 0.005 rounds away from zero
    [InlineData(-0.01, 0.5, -0.01)]      // and so does -0.005
    [InlineData(1.00, 0.125, 0.13)]      // 0.125 -> 0.13, not banker's 0.12
    [InlineData(2.00, 0.0625, 0.13)]     // 0.125 again
    [InlineData(3.00, 0.0833, 0.25)]     // 0.2499 -> 0.25
    [InlineData(1234567.89, 0.9, 1111111.10)]
    public void conversion_to_chf_rounds_half_away_from_zero_once(double amount, double rate, double expectedChf)
    {
        var chf = Domain.Money.Of((decimal)amount, "USD").ToChf((decimal)rate);
        chf.Currency.Should().Be("CHF");
        chf.Amount.Should().Be((decimal)expectedChf);
    }

    [Fact]
    public void conversion_of_yen_keeps_all_its_digits_before_rounding()
    {
        // 1,000,001 JPY at 0.005745 CHF = 5745.005745 -> 5745.01
        Domain.Money.Of(1_000_001m, "JPY").ToChf(0.005745m).Amount.Should().Be(5745.01m);
    }

    [Fact]
    public void chf_converts_to_itself()
    {
        Domain.Money.Chf(12.34m).ToChf(0.5m).Should().Be(Domain.Money.Chf(12.34m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    public void a_rate_that_is_not_positive_is_refused(double rate)
    {
        var act = () => Domain.Money.Of(1m, "USD").ToChf((decimal)rate);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(1000.00, 7, 70.00)]
    [InlineData(0.50, 7, 0.04)]     // 0.035 -> 0.04
    [InlineData(0.07, 7, 0.00)]     // 0.0049 -> 0.00
    [InlineData(333.33, 13, 43.33)]
    public void percentages_round_once_half_away_from_zero(double amount, double percent, double expected)
    {
        Domain.Money.Chf((decimal)amount).Percent((decimal)percent).Amount.Should().Be((decimal)expected);
    }

    [Fact]
    public void amounts_in_one_currency_add_and_subtract_exactly()
    {
        var sum = Domain.Money.Of(0.1m, "EUR") + Domain.Money.Of(0.2m, "EUR");
        sum.Should().Be(Domain.Money.Of(0.3m, "EUR"));
        (sum - Domain.Money.Of(0.5m, "EUR")).IsNegative.Should().BeTrue();
        (Domain.Money.Of(2m, "EUR") > Domain.Money.Of(1m, "EUR")).Should().BeTrue();
    }

    [Fact]
    public void amounts_in_different_currencies_do_not_mix()
    {
        var act = () => Domain.Money.Of(1m, "EUR") + Domain.Money.Of(1m, "USD");
        act.Should().Throw<InvalidOperationException>().WithMessage("*convert*");
    }

    [Fact]
    public void money_survives_a_json_round_trip_and_invalid_json_money_is_refused()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Domain.Money.Of(12.5m, "USD"));
        json.Should().Be("{\"Amount\":12.50,\"Currency\":\"USD\"}");
        System.Text.Json.JsonSerializer.Deserialize<Domain.Money>(json).Should().Be(Domain.Money.Of(12.5m, "USD"));

        var act = () => System.Text.Json.JsonSerializer.Deserialize<Domain.Money>("{\"Amount\":1.5,\"Currency\":\"JPY\"}");
        act.Should().Throw<System.Text.Json.JsonException>();
    }

    [Theory]
    [InlineData(2.5, 0, 3)]
    [InlineData(-2.5, 0, -3)]
    [InlineData(1.005, 2, 1.01)]
    [InlineData(1.0049, 2, 1.00)]
    [InlineData(1.0005, 3, 1.001)]
    public void the_one_rounding_rule_is_half_away_from_zero(double value, int minorUnit, double expected)
    {
        var currency = Currency.All.First(c => c.MinorUnit == minorUnit);
        Rounding.ToMinorUnit((decimal)value, currency).Should().Be((decimal)expected);
    }
}
