using BsgFunds.Api.Http;
using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using Marten;

namespace BsgFunds.Api.Audit;

/// <summary>Refuses commands whose business date falls in a closed year; corrections go into an open year and point back.</summary>
public static class OpenPeriods
{
    public static async Task EnsureOpenAsync(IQuerySession session, params DateOnly[] dates) =>
        EnsureOpen(await session.Query<Period>().Where(p => p.Closing != null).ToListAsync(), dates);

    public static void EnsureOpen(IEnumerable<Period> closedPeriods, params DateOnly[] dates)
    {
        var closed = closedPeriods.Select(p => p.Year).ToHashSet();
        if (dates.FirstOrDefault(d => closed.Contains(d.Year)) is { } day && closed.Contains(day.Year))
        {
            throw new RefusedException(Refusal.Conflict("period-closed",
                $"{day.Year} is closed and sealed; nothing dated {day:yyyy-MM-dd} is accepted. " +
                "Record the correction in an open year, pointing back to what it corrects."));
        }
    }

    public static DateOnly Today(TimeProvider clock) => Bounds.Today(clock.GetUtcNow());

    public static DateOnly YearOf(int year) => new(Math.Clamp(year, 1, 9999), 1, 1);
}
