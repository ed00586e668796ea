using BsgFunds.Api.Reports;
using BsgFunds.Domain.Reports;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Reports;

/// <summary>
/// The present-day book cache under concurrent requests: readers racing writers that replace the book. A reader must
/// get the book kept under the version it asks for, or none; never the book of another version (a torn entry).
/// </summary>
public class PresentBookCacheTests
{
    [Fact]
    public async Task a_reader_never_finds_the_book_of_another_version_while_writers_replace_it()
    {
        var cache = new PresentBookCache();
        // Two versions only, so that a torn entry's version is one a reader asks for about every other time.
        Guid[] versions = [Guid.NewGuid(), Guid.NewGuid()];
        ReportBook[] books = [new() { LastSequence = 1 }, new() { LastSequence = 2 }];
        long found = 0, torn = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        void Write(int first)
        {
            for (var i = first; !stop.IsCancellationRequested; i ^= 1) cache.Keep(versions[i], books[i]);
        }

        void Read(int first)
        {
            for (var i = first; !stop.IsCancellationRequested; i ^= 1)
            {
                if (cache.Find(versions[i]) is not { } book) continue;
                Interlocked.Increment(ref found);
                if (!ReferenceEquals(book, books[i])) Interlocked.Increment(ref torn);
            }
        }

        await Task.WhenAll(
            Task.Factory.StartNew(() => Write(0), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Write(1), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Read(0), TaskCreationOptions.LongRunning),
            Task.Factory.StartNew(() => Read(1), TaskCreationOptions.LongRunning));

        found.Should().BeGreaterThan(1_000, "readers found books while the writers replaced them");
        torn.Should().Be(0, $"no reader may get another version's book ({torn} of {found} finds did)");
    }

    [Fact]
    public void a_version_finds_only_the_book_kept_last_under_it()
    {
        var cache = new PresentBookCache();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var book = new ReportBook { LastSequence = 7 };

        cache.Find(first).Should().BeNull("nothing is kept yet");
        cache.Keep(first, book);
        cache.Find(first).Should().BeSameAs(book);
        cache.Find(second).Should().BeNull("the book was kept under another version");
        cache.Keep(second, new ReportBook { LastSequence = 8 });
        cache.Find(first).Should().BeNull("a newer book replaced it");
    }
}
