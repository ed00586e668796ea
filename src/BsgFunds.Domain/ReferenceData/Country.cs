using System.Collections.Frozen;

namespace BsgFunds.Domain.ReferenceData;

/// <summary>A country as BsgFunds classifies it: ISO 3166 codes, ITU-D region and its dated group memberships.</summary>
public sealed record Country(string Code, string Alpha3, string Name, ItuRegion Region, IReadOnlyList<Membership> Memberships)
{
    public bool IsMemberOn(CountryGroup group, DateOnly day) => Memberships.Any(m => m.Group == group && m.Covers(day));

    /// <summary>Fellowship eligibility on a day: on the developing-country list, or LDC, SIDS, LLDC or EIT then (domain.md §6).</summary>
    public bool IsEligibleForFellowshipsOn(DateOnly day) => Memberships.Any(m => m.Covers(day));

    /// <summary>Applies recorded changes, oldest first, to the shipped classification.</summary>
    public Country With(IEnumerable<CountryClassificationRecorded> changes)
    {
        var memberships = Memberships.ToList();
        foreach (var change in changes)
        {
            var period = new Membership(change.Group, change.From, change.To);
            memberships.RemoveAll(m => m.Overlaps(period));
            memberships.Add(period);
        }

        return this with
        {
            Memberships = memberships.OrderBy(m => m.Group).ThenBy(m => m.From ?? DateOnly.MinValue).ToList(),
        };
    }
}

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
