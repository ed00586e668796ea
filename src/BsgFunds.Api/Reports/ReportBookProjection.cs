using BsgFunds.Domain.Reports;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BsgFunds.Api.Reports;

/// <summary>
/// Keeps the present-day report book (one document) and, every <see cref="SnapshotEvery"/> events, a snapshot of it,
/// so that a report as of any instant folds at most that many events onto the nearest earlier snapshot.
/// It runs in the async daemon, which hands it events in sequence order, a batch at a time.
/// </summary>
public sealed class ReportBookProjection : IProjection
{
    // A report as of an instant folds at most this many events onto the snapshot before it (tens of milliseconds).
    public const int SnapshotEvery = 10_000;

    public static string SnapshotId(long sequence) => $"snapshot-{sequence:D19}";

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return;
        var book = await operations.LoadAsync<ReportBook>(ReportBook.PresentId, cancellation) ?? new ReportBook();
        if (events[0].Sequence <= book.LastSequence)
        {
            // A rebuild or a replay: start again from the last snapshot before these events.
            book = await ReportBooks.SnapshotBeforeAsync(operations, events[0].Sequence, cancellation) ?? new ReportBook();
            book.Id = ReportBook.PresentId;
        }

        var entries = new List<(long, DateTimeOffset, Guid, MoneyEntries.Kind, MoneyEntry)>();
        foreach (var e in events)
        {
            var before = book.LastSequence;
            // One conversion feeds both the book's daily totals and the table's entries, so they always agree.
            var money = MoneyEntries.Of(e.Data, e.Sequence).ToList();
            entries.AddRange(money.Select(m => (e.Sequence, e.Timestamp, m.ContributionId, m.Kind, m.Entry)));
            book.Apply(e.Data, e.Sequence, e.Timestamp, money);
            if (book.LastSequence / SnapshotEvery > before / SnapshotEvery) operations.Store(ReportBooks.Copy(book, SnapshotId(book.LastSequence)));
        }

        operations.Store(book);
        MoneyEntryTable.Write(operations, entries);
    }
}
