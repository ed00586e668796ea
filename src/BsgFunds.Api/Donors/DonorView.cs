using BsgFunds.Domain.Donors;

namespace BsgFunds.Api.Donors;

public sealed record DonorView(Guid Id, string Name, DonorType Type, string? CountryCode, DateTimeOffset RegisteredAt,
    IReadOnlyList<DonorBankAccount> BankAccounts)
{
    public static DonorView Of(Donor d) => new(d.Id, d.Name, d.Type, d.CountryCode, d.RegisteredAt, d.BankAccounts ?? []);
}
