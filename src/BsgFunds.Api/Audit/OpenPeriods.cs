using BsgFunds.Api.Http;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Audit;
using Marten;

namespace BsgFunds.Api.Audit;

/// <summary>
/// Refuses a command whose business date falls in a closed year, for the endpoints whose decisions do not take the
/// closed years yet (budget plans, exchange rates); the rule and its refusal are <see cref="ClosedYears"/>.
/// </summary>
public static class OpenPeriods
{
    public static async Task EnsureOpenAsync(IQuerySession session, params DateOnly[] dates)
    {
        if ((await session.ClosedYearsAsync()).Refuse(dates) is { } refusal) throw new RefusedException(refusal);
    }
}
