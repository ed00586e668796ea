namespace BsgFunds.Domain.ReferenceData;

/// <summary>
/// A finance officer recorded that a country is a member of a group over a period (e.g. an LDC graduation).
/// The new period replaces any recorded period of the same group that it overlaps.
/// </summary>
public sealed record CountryClassificationRecorded(
    Guid CountryId,
    string CountryCode,
    CountryGroup Group,
    DateOnly From,
    DateOnly? To,
    string? Source,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IFundEvent;
