using System.Globalization;
using System.Text.RegularExpressions;

namespace BsgFunds.Domain;

/// <summary>A calendar month written yyyy-MM, the period of a monthly exchange rate.</summary>
public readonly partial record struct YearMonth(int Year, int Month)
{
    public static bool TryParse(string? text, out YearMonth month)
    {
        month = default;
        if (text is null || !Pattern().IsMatch(text)) return false;
        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var m = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        if (year < 1900 || m is < 1 or > 12) return false;
        month = new YearMonth(year, m);
        return true;
    }

    public static YearMonth Of(DateOnly day) => new(day.Year, day.Month);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    // ASCII digits only and the whole text: \d takes other scripts' digits, and $ lets a final line break through.
    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}\z")]
    private static partial Regex Pattern();
}
