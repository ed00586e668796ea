using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Api.ReferenceData;

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
