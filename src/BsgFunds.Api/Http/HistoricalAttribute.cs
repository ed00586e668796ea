namespace BsgFunds.Api.Http;

/// <summary>
/// Marks a date of reference data that may predate the fund (a country's classification since 1971): it may lie up to ten
/// years ahead, and as far back as 1900.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HistoricalAttribute : Attribute;
