namespace BsgFunds.Domain.Donors;

/// <summary>A bank account a donor pays from: its IBAN (electronic form) and, if given, the holder's name as the bank writes it.</summary>
public sealed record DonorBankAccount(string Iban, string? HolderName);
