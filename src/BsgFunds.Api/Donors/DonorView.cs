using BsgFunds.Domain.Donors;

namespace BsgFunds.Api.Donors;

public sealed record DonorView(Guid Id, string Name, DonorType Type, string? CountryCode, DateTimeOffset RegisteredAt)
{
    public static DonorView Of(Donor d) => new(d.Id, d.Name, d.Type, d.CountryCode, d.RegisteredAt);
}
