using System.Globalization;
using System.Text;

namespace BsgFunds.Domain;

/// <summary>
/// The bounds every command shares (domain.md §10): what a finance office would take for a typing error or an attack
/// before any rule of the fund is asked. The API applies them to every request body as it is read (RequestBounds);
/// decisions apply <see cref="AmountChf"/> to the CHF figures they compute.
/// </summary>
public static class Bounds
{
    /// <summary>No business date lies before the fund's records begin.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>Reference data (a country's classification) may reach back before the fund, not before this.</summary>
    public static readonly DateOnly EarliestReferenceDate = new(1900, 1, 1);

    /// <summary>Dates that look forward (instalments due, delegations ending) reach at most this far.</summary>
    public const int YearsAhead = 10;

    /// <summary>No single amount, in its currency or in CHF, is above 10^12; so no sum of stored amounts can overflow a decimal.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    /// <summary>ITU's calendar: a day, a year and a period end in Geneva.</summary>
    public static readonly TimeZoneInfo Geneva = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Geneva).DateTime);

    /// <summary>The last day a forward-looking date may name.</summary>
    public static DateOnly Horizon(DateOnly today) => today.AddYears(YearsAhead);

    /// <summary>A date that records something that happened: not before 2000, not after today.</summary>
    public static Refusal? Fact(DateOnly date, string field, DateOnly today) =>
        Range(date, field, today) ?? (date > today
            ? Refusal.RuleBroken("date-in-future",
                $"'{field}' is {Iso(date)}, after today ({Iso(today)} in Geneva): a fact cannot be dated in the future.", field)
            : null);

    /// <summary>A date that looks forward (an instalment due, a delegation's end): from 2000 to ten years ahead.</summary>
    public static Refusal? Range(DateOnly date, string field, DateOnly today, DateOnly? earliest = null)
    {
        var first = earliest ?? EarliestDate;
        if (date < first)
            return Refusal.Invalid("date-out-of-range", $"'{field}' is {Iso(date)}; no business date is before {Iso(first)}.", field);
        if (date > Horizon(today))
            return Refusal.Invalid("date-out-of-range",
                $"'{field}' is {Iso(date)}; no business date is more than {YearsAhead} years ahead ({Iso(Horizon(today))}).",
                field);
        return null;
    }

    /// <summary>An amount as given, in any currency: at most 10^12 either way.</summary>
    public static Refusal? Amount(decimal amount, string field) => Math.Abs(amount) > MaxAmount
        ? Refusal.Invalid("amount-too-large", $"'{field}' is {Number(amount)}; no single amount is above {Number(MaxAmount)}.",
            field)
        : null;

    /// <summary>A computed CHF equivalent: at most 10^12 either way.</summary>
    public static Refusal? AmountChf(decimal amountChf, string field) => Math.Abs(amountChf) > MaxAmount
        ? Refusal.Invalid("amount-too-large",
            $"'{field}' is worth CHF {Number(amountChf)}; no single amount's CHF equivalent is above {Number(MaxAmount)}.",
            field)
        : null;

    /// <summary>
    /// Text a person typed: no control characters (tabs and line breaks included: names, references and reasons are one line),
    /// no bidirectional controls or invisible characters that make one text look like another, no unpaired surrogates.
    /// </summary>
    public static Refusal? Text(string value, string field)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (Forbidden(c) is { } what)
                return Refusal.Invalid("text-not-allowed",
                    $"'{field}' contains {what} (U+{(int)c:X4}) at position {i + 1}; type the text without it.",
                    field);
        }

        return null;
    }

    /// <summary>The form every stored text takes, so that two spellings of one name compare equal.</summary>
    public static string Normalise(string value) => value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);

    private static string? Forbidden(char c) => c switch
    {
        _ when char.IsSurrogate(c) => "an unpaired surrogate",
        _ when char.IsControl(c) => "a control character",
        '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => "a bidirectional control",
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E' or '\u00AD' => "an invisible character",
        '\uFFFE' or '\uFFFF' => "a noncharacter",
        _ => null,
    };

    private static string Number(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
