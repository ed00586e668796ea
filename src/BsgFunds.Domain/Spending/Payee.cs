namespace BsgFunds.Domain.Spending;

public sealed record Payee(string Name, string? PersonId, string CountryCode, Gender? Gender);
