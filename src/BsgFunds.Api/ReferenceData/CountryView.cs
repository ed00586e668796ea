using BsgFunds.Domain.ReferenceData;
using Marten;

namespace BsgFunds.Api.ReferenceData;

public sealed record MembershipView(CountryGroup Group, DateOnly? From, DateOnly? To);

/// <summary>A country with its dated memberships, and the groups it belongs to on <see cref="On"/>.</summary>
public sealed record CountryView(
    string Code,
    string Alpha3,
    string Name,
    ItuRegion Region,
    DateOnly On,
    IReadOnlyList<CountryGroup> Groups,
    bool Developing,
    bool EligibleForFellowships,
    IReadOnlyList<MembershipView> Memberships)
{
    public static CountryView Of(Country country, DateOnly on) => new(
        country.Code,
        country.Alpha3,
        country.Name,
        country.Region,
        on,
        Enum.GetValues<CountryGroup>().Where(g => country.IsMemberOn(g, on)).ToList(),
        country.IsMemberOn(CountryGroup.Developing, on),
        country.IsEligibleForFellowshipsOn(on),
        country.Memberships.Select(m => new MembershipView(m.Group, m.From, m.To)).ToList());
}

/// <summary>The shipped countries with the changes recorded through the API applied.</summary>
public static class Countries
{
    public static async Task<IReadOnlyList<Country>> AllAsync(IQuerySession session, CancellationToken ct = default)
    {
        var histories = (await session.Query<CountryClassificationHistory>().ToListAsync(ct)).ToDictionary(h => h.CountryCode,
            StringComparer.Ordinal);
        return CountryCatalogue.All
            .Select(c => histories.TryGetValue(c.Code, out var h) ? c.With(h.Changes) : c)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<Country?> FindAsync(IQuerySession session, string code, CancellationToken ct = default)
    {
        if (!CountryCatalogue.TryFind(code, out var country)) return null;
        var history = await session.LoadAsync<CountryClassificationHistory>(Domain.StreamIds.Country(code), ct);
        return history is null ? country : country.With(history.Changes);
    }
}
