namespace BsgFunds.Domain.Donors;

/// <summary>A donor as the contribution rules need it.</summary>
public sealed record Donor(Guid Id, string Name, DonorType Type, string? CountryCode, DateTimeOffset RegisteredAt)
{
    public static Donor Create(DonorRegistered registered) =>
        new(registered.DonorId, registered.Name, registered.Type, registered.CountryCode, registered.RegisteredAt);
}
