namespace BsgFunds.Domain;

/// <summary>
/// The one rounding rule of BsgFunds: half away from zero, to the minor unit of the currency (domain.md §1).
/// Every conversion and every percentage goes through here, once, so that two parts of the system can never
/// round the same figure differently.
/// </summary>
public static class Rounding
{
    public const MidpointRounding Rule = MidpointRounding.AwayFromZero;

    public static decimal ToMinorUnit(decimal amount, Currency currency) => Math.Round(amount, currency.MinorUnit, Rule);

    public static decimal ToCentimes(decimal amountChf) => ToMinorUnit(amountChf, Currency.Chf);

    public static bool IsExactToMinorUnit(decimal amount, Currency currency) => amount == Math.Round(amount, currency.MinorUnit, Rule);
}
