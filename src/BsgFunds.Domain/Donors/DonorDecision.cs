using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Donors;

public static class DonorDecision
{
    public static Decision<DonorRegistered> Register(Guid id, string name, DonorType type, string? countryCode, string by, DateTimeOffset now)
    {
        if (countryCode is not null && !CountryCatalogue.TryFind(countryCode, out _))
            return Decision.Refuse<DonorRegistered>(Refusal.Invalid("country-unknown",
                $"'{countryCode}' is not an ISO 3166 alpha-2 country code in the country list.",
                "countryCode"));
        if (type == DonorType.MemberState && countryCode is null)
            return Decision.Refuse<DonorRegistered>(Refusal.Invalid("member-state-needs-country", "A Member State donor needs its countryCode.",
                "countryCode"));
        return Decision.Accept(new DonorRegistered(id, name.Trim(), type, countryCode, by, now));
    }
}
