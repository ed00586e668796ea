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
