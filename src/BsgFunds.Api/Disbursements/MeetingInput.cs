namespace BsgFunds.Api.Disbursements;

public sealed record MeetingInput(string? Code, [property: ForwardLooking] DateOnly? StartsOn);
