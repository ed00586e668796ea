namespace BsgFunds.Domain.Spending;

/// <summary>A fellowship already granted (not cancelled), as the limits need it.</summary>
public sealed record GrantedFellowship(Guid DisbursementId, string MeetingCode, string CountryCode, string? PersonId, int Year, FellowshipType Type);
