using BsgFunds.Domain.BankStatements;
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

    /// <summary>An account is registered once per donor; the same account for two donors would make its payments ambiguous.</summary>
    public static Decision<DonorBankAccountRegistered> RegisterBankAccount(Donor donor, string ibanText, string? holderName,
        IReadOnlyCollection<Guid> donorsWithAccount, string by, DateTimeOffset now)
    {
        var (iban, invalid) = Iban.Parse(ibanText, "iban");
        if (invalid is not null) return Decision.Refuse<DonorBankAccountRegistered>(invalid);
        if (donor.BankAccounts.Any(a => a.Iban == iban)) return Decision.Nothing<DonorBankAccountRegistered>();
        if (donorsWithAccount.FirstOrDefault(id => id != donor.Id) is var other && other != Guid.Empty)
            return Decision.Refuse<DonorBankAccountRegistered>(Refusal.Conflict("bank-account-registered-to-another-donor",
                $"The account {iban} is registered to donor {other}; one account pays for one donor."));
        return Decision.Accept(new DonorBankAccountRegistered(donor.Id, iban!, string.IsNullOrWhiteSpace(holderName) ? null : holderName.Trim(),
            by, now));
    }
}
