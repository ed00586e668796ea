using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Api.ReferenceData;

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
