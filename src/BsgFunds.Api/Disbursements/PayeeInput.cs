using BsgFunds.Api.Allocations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Funding;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public sealed record PayeeInput([property: Required] string? Name, string? PersonId, [property: Required] string? CountryCode, Gender? Gender);
