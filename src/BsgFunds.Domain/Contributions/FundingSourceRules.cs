using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Contributions;

public static class FundingSourceRules
{
    /// <summary>Why a source does not fit a donor (domain.md §2), or null when it fits.</summary>
    public static string? Misfit(FundingSource source, Donor donor, DateOnly on) => source switch
    {
        FundingSource.DevelopedCountryVoluntary when donor.Type != DonorType.MemberState =>
            "DevelopedCountryVoluntary contributions come from Member States.",
        FundingSource.DevelopedCountryVoluntary when CountryCatalogue.TryFind(donor.CountryCode, out var country)
                                                     && country.IsMemberOn(CountryGroup.Developing, on) =>
            $"DevelopedCountryVoluntary contributions come from developed countries; {country.Name} is on the developing-country list on "
                + $"{on:yyyy-MM-dd}.",
        FundingSource.PrivateSectorVoluntary when donor.Type is not (DonorType.SectorMember or DonorType.Associate) =>
            "PrivateSectorVoluntary contributions come from Sector Members or Associates.",
        FundingSource.ItuAdditionalBudget when donor.Type != DonorType.ItuSecretariat =>
            "ItuAdditionalBudget comes only from the ITU Secretariat.",
        _ => null,
    };
}
