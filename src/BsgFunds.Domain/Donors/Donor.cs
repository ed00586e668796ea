using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Donors;

/// <summary>Kinds of donor (domain.md §2); a contribution's funding source must fit its donor's type.</summary>
public enum DonorType
{
    MemberState,
    SectorMember,
    Associate,
    Academia,
    Foundation,
    ItuSecretariat,
    Other,
}

/// <summary>A finance officer registered a donor. One stream per donor.</summary>
public sealed record DonorRegistered(Guid DonorId, string Name, DonorType Type, string? CountryCode, string RegisteredBy,
    DateTimeOffset RegisteredAt);

/// <summary>A donor as the contribution rules need it.</summary>
public sealed record Donor(Guid Id, string Name, DonorType Type, string? CountryCode, DateTimeOffset RegisteredAt)
{
    public static Donor Create(DonorRegistered registered) =>
        new(registered.DonorId, registered.Name, registered.Type, registered.CountryCode, registered.RegisteredAt);
}

public static class DonorDecision
{
    public static Decision<DonorRegistered> Register(Guid id, string name, DonorType type, string? countryCode, string by, DateTimeOffset now)
    {
        if (countryCode is not null && !CountryCatalogue.TryFind(countryCode, out _))
            return Decision.Refuse<DonorRegistered>(Refusal.Invalid("country-unknown", "countryCode",
                $"'{countryCode}' is not an ISO 3166 alpha-2 country code in the country list."));
        if (type == DonorType.MemberState && countryCode is null)
            return Decision.Refuse<DonorRegistered>(Refusal.Invalid("member-state-needs-country", "countryCode",
                "A Member State donor needs its countryCode."));
        return Decision.Accept(new DonorRegistered(id, name.Trim(), type, countryCode, by, now));
    }
}
