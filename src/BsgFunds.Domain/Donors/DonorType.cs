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
