namespace BsgFunds.Domain.ReferenceData;

/// <summary>
/// A country's membership of a group from <see cref="From"/> (inclusive; null: since before these records)
/// until <see cref="To"/> (exclusive: the day it ends, e.g. the graduation date; null: still a member).
/// </summary>
public sealed record Membership(CountryGroup Group, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || day < To);

    public bool Overlaps(Membership other) =>
        other.Group == Group
        && (other.To is null || From is null || From < other.To)
        && (To is null || other.From is null || other.From < To);
}
