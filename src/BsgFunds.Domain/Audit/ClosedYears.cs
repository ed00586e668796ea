namespace BsgFunds.Domain.Audit;

/// <summary>
/// The years the TSB Director has closed and sealed. Every decision that records a dated fact takes them and refuses a
/// fact dated in one of them: the decision, not the endpoint, says which of its dates counts.
/// </summary>
public sealed record ClosedYears(IReadOnlySet<int> Years)
{
    public static readonly ClosedYears None = new(new HashSet<int>());

    public static ClosedYears Of(IEnumerable<Period> periods) => new(periods.Where(p => p.Closing is not null).Select(p => p.Year).ToHashSet());

    /// <summary>The refusal for the first of these dates that falls in a closed year, or null when all are open.</summary>
    public Refusal? Refuse(params DateOnly[] dates) =>
        dates.Where(d => Years.Contains(d.Year)).Select(Closed).FirstOrDefault();

    /// <summary>A budget year's facts are dated in it: the first of January stands for the year.</summary>
    public static DateOnly YearOf(int year) => new(Math.Clamp(year, 1, 9999), 1, 1);

    private static Refusal Closed(DateOnly day) => Refusal.Conflict("period-closed",
        $"{day.Year} is closed and sealed; nothing dated {day:yyyy-MM-dd} is accepted. "
        + "Record the correction in an open year, pointing back to what it corrects.");
}
