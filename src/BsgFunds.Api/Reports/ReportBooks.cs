using System.Text.Json;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

public static class ReportBooks
{
    private static readonly JsonSerializerOptions Json = new();

    /// <summary>A deep copy, so that a stored snapshot never changes when the book folds on.</summary>
    public static ReportBook Copy(ReportBook book, string id)
    {
        var copy = JsonSerializer.Deserialize<ReportBook>(JsonSerializer.Serialize(book, Json), Json)!;
        copy.Id = id;
        return copy;
    }

    public static async Task<ReportBook?> SnapshotBeforeAsync(IQuerySession session, long sequence, CancellationToken ct = default) =>
        await session.Query<ReportBook>()
            .Where(b => b.Id != ReportBook.PresentId && b.LastSequence < sequence)
            .OrderByDescending(b => b.LastSequence)
            .FirstOrDefaultAsync(ct);

    // Loading the book of a fund with years of history costs tens of milliseconds (a book of 100 contributions and
    // 400 payments is 0.4 MB of JSON); finding it here costs nothing, so a report pays one round trip for the version.
    private static readonly PresentBookCache Present = new();

    /// <summary>
    /// The present-day book, as the projection keeps it. The deserialised book is kept in memory and reused while the
    /// stored document's version is unchanged (reports only read it), so repeated reads skip the document load.
    /// </summary>
    public static async Task<ReportBook> PresentAsync(IQuerySession session, CancellationToken ct = default)
    {
        var version = (await session.QueryAsync<Guid>(
            $"select mt_version from {Setup.MartenSetup.Schema}.mt_doc_reportbook where id = '{ReportBook.PresentId}'", ct)).FirstOrDefault();
        if (version == Guid.Empty) return new ReportBook();
        if (Present.Find(version) is { } kept) return kept;
        // Loaded after the version was read, the book is at least as new as that version: never older than it claims.
        var book = await session.LoadAsync<ReportBook>(ReportBook.PresentId, ct) ?? new ReportBook();
        Present.Keep(version, book);
        return book;
    }

    /// <summary>
    /// The money entries behind a book, entry by entry, for the reports that list them, dated within a period: up to
    /// the book's sequence (and instant, for a book as of one), so that they add up to the book's totals.
    /// </summary>
    public static Task<MoneyEntries> EntriesAsync(
        IQuerySession session, ReportBook book, DateTimeOffset? until, IReadOnlyCollection<Guid>? contributions, DateOnly from, DateOnly to,
            CancellationToken ct = default) =>
        MoneyEntryTable.ReadAsync(session, book.LastSequence, until, contributions, from, to, ct);

    /// <summary>The book as it stood at an instant: the nearest earlier snapshot, with the events after it and up to the instant folded on.</summary>
    public static async Task<ReportBook> AsOfAsync(IQuerySession session, DateTimeOffset instant, CancellationToken ct = default)
    {
        var snapshot = await session.Query<ReportBook>()
            .Where(b => b.Id != ReportBook.PresentId && b.LastTimestamp <= instant)
            .OrderByDescending(b => b.LastSequence)
            .FirstOrDefaultAsync(ct);
        var book = snapshot ?? new ReportBook();
        var after = book.LastSequence;
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Timestamp <= instant)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        foreach (var e in events) book.Apply(e.Data, e.Sequence, e.Timestamp);
        return book;
    }
}
