using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public sealed record PayeeInput([property: Required] string? Name, string? PersonId, [property: Required] string? CountryCode, Gender? Gender);
