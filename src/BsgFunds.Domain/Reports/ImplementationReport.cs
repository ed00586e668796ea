namespace BsgFunds.Domain.Reports;

/// <summary>The year's implementation report (Resolution 44, instructs 8): every report together, from one book at one sequence.</summary>
public sealed record ImplementationReport(
    int Year, DateTimeOffset AsOf, long LastSequence, LineItemReport LineItems, FundingSourcesReport FundingSources,
        ParticipationReport Participation,
    ReceivablesReport Receivables, IReadOnlyList<DonorStatementReport> DonorStatements) : IReport
{
    // The combined CSV has a report column, then every part's columns; each row fills those of its own part.
    IReadOnlyList<Type> IReport.RowTypes =>
    [
        typeof(ReportRow), typeof(LineItemRow), typeof(FundingSourceRow), typeof(ParticipationRow), typeof(ReceivableRow), typeof(DonorStatementRow),
    ];

    public IEnumerable<object> Rows() =>
        LineItems.Rows().Select(r => new ReportRow("LineItems", r))
            .Concat(FundingSources.Rows().Select(r => new ReportRow("FundingSources", r)))
            .Concat(Participation.Rows().Select(r => new ReportRow("Participation", r)))
            .Concat(Receivables.Rows().Select(r => new ReportRow("Receivables", r)))
            .Concat(DonorStatements.SelectMany(s => s.Rows()).Select(r => new ReportRow("DonorStatements", r)));

    public static ImplementationReport Build(ReportBook book, int year, DateTimeOffset asOf, MoneyEntries entries) => new(
        year, asOf, book.LastSequence,
        LineItemReport.Build(book, year, asOf),
        FundingSourcesReport.Build(book, year, asOf),
        ParticipationReport.Build(book, year, asOf),
        ReceivablesReport.Build(book, asOf),
        book.Donors.Values.OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => DonorStatementReport.Build(book, d.Id, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), asOf, entries)).ToList());
}
