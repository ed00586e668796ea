using System.Collections.Frozen;
using System.Globalization;

namespace BsgFunds.Domain;

/// <summary>An ISO 4217 currency with its minor unit (ISO 4217 Table A.1), read from the table shipped with the domain.</summary>
public sealed record Currency(string Code, int MinorUnit, string Name)
{
    public const string ReportingCode = "CHF";

    private static readonly FrozenDictionary<string, Currency> Table = ReferenceFile
        .ReadCsv("iso4217.csv")
        .Select(row => new Currency(row["code"], int.Parse(row["minor_unit"], CultureInfo.InvariantCulture), row["name"]))
        .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<Currency> All => Table.Values;

    public static Currency Chf => Table[ReportingCode];

    /// <summary>Finds a currency by its exact upper-case alphabetic code; lower case is not a code.</summary>
    public static bool TryFind(string? code, out Currency currency)
    {
        if (code is not null && Table.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }

        currency = null!;
        return false;
    }

    public static bool IsKnown(string? code) => code is not null && Table.ContainsKey(code);
}
