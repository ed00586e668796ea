using BsgFunds.Domain.Contributions;
using JasperFx.Events;

namespace BsgFunds.Api.Streams;

/// <summary>
/// The one place where a command's events are appended and committed, and where its answer's ETag comes from. A decision
/// returns the events of every stream it changes; each goes to the stream it names (a contribution's event to that
/// contribution, any other to the command's own stream), and the streams' versions are checked when they commit.
/// </summary>
public static class StreamWrite
{
    public static async Task<Written> CommitAsync<T>(IDocumentSession session, IEventStream<T> stream, IReadOnlyList<object> events,
        HttpContext http, CancellationToken ct = default)
        where T : class
    {
        var elsewhere = events.OfType<IContributionEvent>().Where(e => e.ContributionId != stream.Id).ToList();
        var own = events.Where(e => e is not IContributionEvent c || c.ContributionId == stream.Id).ToList();
        if (elsewhere.Count > 0)
        {
            // Fetching for writing pins the version each contribution was read at: the commit fails if it moved.
            var batch = session.CreateBatchQuery();
            var fetched = elsewhere.Select(e => e.ContributionId).Distinct()
                .ToDictionary(id => id, id => batch.Events.FetchForWriting<Contribution>(id));
            await batch.Execute(ct);
            foreach (var e in elsewhere) (await fetched[e.ContributionId]).AppendOne(e);
        }

        var version = (stream.CurrentVersion ?? 0) + own.Count;
        stream.AppendMany(own);
        await session.SaveChangesAsync(ct);
        var last = stream.Events.Last();
        Preconditions.SetETag(http, version);
        return new Written(last.Id, last.Sequence, version);
    }
}
