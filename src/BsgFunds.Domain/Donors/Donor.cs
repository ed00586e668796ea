namespace BsgFunds.Domain.Donors;

/// <summary>A donor as the contribution rules need it, with the bank accounts it pays from (matched on bank statements).</summary>
public sealed record Donor(Guid Id, string Name, DonorType Type, string? CountryCode, DateTimeOffset RegisteredAt)
{
    public IReadOnlyList<DonorBankAccount> BankAccounts { get; init; } = [];

    public static Donor Create(DonorRegistered registered) =>
        new(registered.DonorId, registered.Name, registered.Type, registered.CountryCode, registered.RegisteredAt);

    public Donor Apply(DonorBankAccountRegistered registered) => this with
    {
        BankAccounts = [.. BankAccounts ?? [], new DonorBankAccount(registered.Iban, registered.HolderName)],
    };
}
