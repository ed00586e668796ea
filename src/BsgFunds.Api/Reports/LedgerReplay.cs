
namespace BsgFunds.Api.Reports;

/// <summary>The trial balance as it stood at an instant, folded from the stored events with the same postings as the projection.</summary>
public static class LedgerReplay
{
    public static async Task<TrialBalance> AsOfAsync(IQuerySession session, DateTimeOffset instant, CancellationToken ct = default)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp <= instant)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return events.Aggregate(TrialBalance.Empty, (balance, e) => balance.Post(Postings.For(e.Data), e.Sequence));
    }
}
