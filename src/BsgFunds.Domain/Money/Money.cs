using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Iso4217 = BsgFunds.Domain.Currency;

namespace BsgFunds.Domain;

/// <summary>
/// An exact amount in one ISO 4217 currency. A Money can only be made through <see cref="TryCreate"/> or
/// <see cref="Of"/>, so an instance is always in a known currency and exact to its minor unit.
/// </summary>
public sealed record Money
{
    private Money(decimal amount, Iso4217 currency)
    {
        Amount = amount;
        Currency = currency.Code;
    }

    // Stored events and JSON come back through here, and are held to the same rules as new amounts.
    [JsonConstructor]
    private Money(decimal amount, string currency)
        : this(amount, Iso4217.TryFind(currency, out var c) && Rounding.IsExactToMinorUnit(amount, c)
            ? c
            : throw new JsonException($"{amount.ToString(CultureInfo.InvariantCulture)} {currency} is not a valid ISO 4217 amount."))
    {
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Chf(decimal amount) => Of(amount, Iso4217.ReportingCode);

    /// <summary>Makes a Money or says why it cannot: an unknown currency, or an amount finer than the minor unit.</summary>
    public static bool TryCreate(decimal amount, string? currencyCode, out Money money, out string? error)
    {
        money = null!;
        if (!Iso4217.TryFind(currencyCode, out var currency))
        {
            error = $"'{currencyCode}' is not an ISO 4217 currency code (three upper-case letters, e.g. CHF, USD, EUR).";
            return false;
        }

        if (!Rounding.IsExactToMinorUnit(amount, currency))
        {
            error = currency.MinorUnit == 0
                ? $"{currency.Code} has no minor unit: the amount must be a whole number, not {amount.ToString(CultureInfo.InvariantCulture)}."
                : $"{currency.Code} amounts are exact to {currency.MinorUnit} decimal places; " +
                  $"{amount.ToString(CultureInfo.InvariantCulture)} is finer than that.";
            return false;
        }

        // Normalise the scale so that 10.5 and 10.50 are the same value and print the same way.
        money = new Money(decimal.Round(amount, currency.MinorUnit, Rounding.Rule) + ZeroWithScale(currency.MinorUnit), currency);
        error = null;
        return true;
    }

    /// <summary>Makes a Money from values already known to be valid; throws otherwise.</summary>
    public static Money Of(decimal amount, string currencyCode) =>
        TryCreate(amount, currencyCode, out var money, out var error) ? money : throw new ArgumentException(error, nameof(amount));

    /// <summary>Converts to CHF at a rate (CHF per unit of this currency), rounding once by the house rule.</summary>
    public Money ToChf(decimal rateToChf)
    {
        if (rateToChf <= 0) throw new ArgumentOutOfRangeException(nameof(rateToChf), "An exchange rate must be positive.");
        return Currency == Iso4217.ReportingCode ? this : Chf(Rounding.ToCentimes(Amount * rateToChf));
    }

    /// <summary>A percentage of this amount, rounded once to the minor unit (e.g. programme support cost).</summary>
    public Money Percent(decimal percent) => new(Rounding.ToMinorUnit(Amount * percent / 100m, Find()) + ZeroWithScale(Find().MinorUnit), Find());

    public Money Add(Money other) => new(Amount + SameCurrency(other).Amount, Find());

    public Money Subtract(Money other) => new(Amount - SameCurrency(other).Amount, Find());

    public Money Negate() => new(-Amount, Find());

    [JsonIgnore]
    public bool IsZero => Amount == 0m;

    [JsonIgnore]
    public bool IsNegative => Amount < 0m;

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static bool operator <(Money left, Money right) => left.Amount < left.SameCurrency(right).Amount;

    public static bool operator >(Money left, Money right) => left.Amount > left.SameCurrency(right).Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= left.SameCurrency(right).Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= left.SameCurrency(right).Amount;

    public bool Equals(Money? other) => other is not null && other.Currency == Currency && other.Amount == Amount;

    public override int GetHashCode() => HashCode.Combine(Currency, Amount);

    public override string ToString() => $"{Amount.ToString("F" + Find().MinorUnit, CultureInfo.InvariantCulture)} {Currency}";

    private Money SameCurrency(Money other) => other.Currency == Currency
        ? other
        : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}: convert first.");

    private Iso4217 Find() => Iso4217.TryFind(Currency, out var c) ? c : throw new InvalidOperationException();

    private static decimal ZeroWithScale(int scale) => new(0, 0, 0, false, (byte)scale);
}
