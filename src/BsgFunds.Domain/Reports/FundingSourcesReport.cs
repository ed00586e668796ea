using BsgFunds.Domain.Donors;

namespace BsgFunds.Domain.Reports;

/// <summary>Totals per Programme 4 (a) source and donor type for a year; pledged, agreed and received kept apart.</summary>
public sealed record FundingSourcesReport(int Year, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<FundingSourceLine> Lines,
    decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf)
    : IReport<FundingSourceRow>
{
    public IEnumerable<FundingSourceRow> Rows() => Lines.Select(l => new FundingSourceRow
    {
        Year = Year,
        Source = l.Source,
        DonorType = l.DonorType,
        PledgedChf = l.PledgedChf,
        AgreedChf = l.AgreedChf,
        ReceivedChf = l.ReceivedChf,
        Contributions = l.Contributions,
    });

    public static FundingSourcesReport Build(ReportBook book, int year, DateTimeOffset asOf)
    {
        var lines = book.Contributions.Values
            .GroupBy(c => (c.Source, Type: book.Donors.TryGetValue(c.DonorId, out var d) ? d.Type : DonorType.Other))
            .Select(g => new FundingSourceLine(g.Key.Source, g.Key.Type,
                g.Where(c => c.PledgedOn.Year == year && c.WithdrawnOn is null).Sum(c => c.PledgedChf ?? 0m),
                g.Sum(c => c.AgreedChfIn(year)),
                g.Sum(c => c.DaysOf(year).Sum(d => d.ReceivedChf)),
                g.Count(c => (c.PledgedOn.Year == year && c.WithdrawnOn is null) || c.Agreement?.SignedOn.Year == year
                    || c.Amendments.Any(a => a.SignedOn.Year == year) || c.DaysOf(year).Any(d => d.ReceiptEntries > 0))))
            .Where(l => l.Contributions > 0)
            .OrderBy(l => l.Source).ThenBy(l => l.DonorType)
            .ToList();
        return new FundingSourcesReport(year, asOf, book.LastSequence, lines, lines.Sum(l => l.PledgedChf), lines.Sum(l => l.AgreedChf),
            lines.Sum(l => l.ReceivedChf));
    }
}
