using BsgFunds.Domain.Audit;
using JasperFx.Events;
using Marten.Services.BatchQuerying;

namespace BsgFunds.Api.Streams;

/// <summary>What a command on one stream decides with: the stream for writing, its state (it exists) and the closed years.</summary>
public sealed record Loaded<T>(IEventStream<T> Stream, T State, ClosedYears Closed)
    where T : class;

public static class Loaded
{
    /// <summary>
    /// Queues the closed years and the stream for writing on the batch (after whatever it already holds: inside the spending
    /// gate, the lock), runs it, and answers 404 with <paramref name="notFound"/> when the stream does not exist, 412 when
    /// If-Match names another version.
    /// </summary>
    public static async Task<Loaded<T>> FetchAsync<T>(IBatchedQuery batch, Guid id, HttpContext http, Refusal notFound,
        CancellationToken ct = default)
        where T : class
    {
        var closed = batch.ClosedYearsAsync();
        var fetched = batch.Events.FetchForWriting<T>(id);
        await batch.Execute(ct);
        var stream = await fetched;
        return new Loaded<T>(stream, Found(stream, http, notFound), await closed);
    }

    public static T Found<T>(IEventStream<T> stream, HttpContext http, Refusal notFound)
        where T : class
    {
        var state = stream.Aggregate ?? throw new RefusedException(notFound);
        Preconditions.Check(http, stream.CurrentVersion ?? 0);
        return state;
    }
}
