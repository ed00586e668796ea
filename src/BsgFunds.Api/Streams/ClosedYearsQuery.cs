using BsgFunds.Domain.Audit;
using Marten.Services.BatchQuerying;

namespace BsgFunds.Api.Streams;

/// <summary>Reads the closed years the decisions take, alone or in the batch that loads the rest of a command's state.</summary>
public static class ClosedYearsQuery
{
    public static async Task<ClosedYears> ClosedYearsAsync(this IQuerySession session, CancellationToken ct = default) =>
        ClosedYears.Of(await session.Query<Period>().Where(p => p.Closing != null).ToListAsync(ct));

    public static async Task<ClosedYears> ClosedYearsAsync(this IBatchedQuery batch) =>
        ClosedYears.Of(await batch.Query<Period>().Where(p => p.Closing != null).ToList());
}
