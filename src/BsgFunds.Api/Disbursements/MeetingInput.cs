using BsgFunds.Api.Allocations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Funding;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

public sealed record MeetingInput(string? Code, [property: ForwardLooking] DateOnly? StartsOn);
