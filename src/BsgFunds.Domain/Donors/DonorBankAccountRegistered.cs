namespace BsgFunds.Domain.Donors;

/// <summary>A finance officer registered a bank account the donor pays from; statement lines paid from it are matched to the donor.</summary>
public sealed record DonorBankAccountRegistered(Guid DonorId, string Iban, string? HolderName, string RegisteredBy, DateTimeOffset RegisteredAt)
    : IFundEvent;
