using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Api.ReferenceData;

public sealed record MembershipView(CountryGroup Group, DateOnly? From, DateOnly? To);
