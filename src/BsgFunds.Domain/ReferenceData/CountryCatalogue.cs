using System.Collections.Frozen;

namespace BsgFunds.Domain.ReferenceData;

/// <summary>The countries shipped with BsgFunds (docs/reference-data.md gives the sources).</summary>
public static class CountryCatalogue
{
    private static readonly FrozenDictionary<string, Country> Shipped = Load();

    public static IReadOnlyCollection<Country> All => Shipped.Values;

    public static bool TryFind(string? code, out Country country)
    {
        if (code is not null && Shipped.TryGetValue(code, out var found))
        {
            country = found;
            return true;
        }

        country = null!;
        return false;
    }

    private static FrozenDictionary<string, Country> Load()
    {
        var memberships = ReferenceFile.ReadCsv("memberships.csv")
            .Select(row => (code: row["iso2"], membership: new Membership(
                Enum.Parse<CountryGroup>(row["group"]), ParseDate(row["from"]), ParseDate(row["to"]))))
            .ToLookup(x => x.code, x => x.membership);

        return ReferenceFile.ReadCsv("countries.csv")
            .Select(row =>
            {
                var code = row["iso2"];
                var groups = memberships[code].ToList();
                if (bool.Parse(row["developing"])) groups.Add(new Membership(CountryGroup.Developing, null, null));
                return new Country(code, row["iso3"], row["name"], Enum.Parse<ItuRegion>(row["itu_region"]), groups);
            })
            .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
    }

    private static DateOnly? ParseDate(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
