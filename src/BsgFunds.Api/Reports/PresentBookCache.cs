using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

/// <summary>
/// The present-day book last loaded, under the version of the stored document it was loaded from. Requests on many
/// threads read and replace it at once, so the version and the book are one immutable entry published by one
/// reference swap: a reader sees the whole old entry or the whole new one, never one's version with the other's
/// book, which would serve an old book under the new version until the book next changed. The last writer wins: an
/// older entry replacing a newer one costs the next reader a load, never a wrong book. Readers share the book, so
/// they must not change it; reports only read it.
/// </summary>
public sealed class PresentBookCache
{
    private Entry? latest;

    /// <summary>The book kept under this version, or null when none is (nothing kept yet, or another version).</summary>
    public ReportBook? Find(Guid version) => Volatile.Read(ref latest) is { } entry && entry.Version == version ? entry.Book : null;

    public void Keep(Guid version, ReportBook book) => Volatile.Write(ref latest, new Entry(version, book));

    private sealed record Entry(Guid Version, ReportBook Book);
}
