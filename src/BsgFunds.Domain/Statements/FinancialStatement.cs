using BsgFunds.Domain.Reports;

namespace BsgFunds.Domain.Statements;

/// <summary>
/// One of the fund's IPSAS statements for a period, with the previous period of the same length beside it, built from
/// the events known at <see cref="AsOf"/> (docs/statements.md). <see cref="Standard"/> names the revenue standard of each
/// period; the statement of financial position is as at <see cref="To"/> (and <see cref="PreviousTo"/>).
/// </summary>
public sealed record FinancialStatement(
    string Kind, string Title, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string Standard, string PreviousStandard,
    DateTimeOffset AsOf, long LastSequence, IReadOnlyList<StatementRow> Lines, IReadOnlyList<string> Policies) : IReport<StatementRow>
{
    public IEnumerable<StatementRow> Rows() => Lines;

    /// <summary>The figure of a line (current period), 0 when the statement has no such line.</summary>
    public decimal Figure(string section, string item) =>
        Lines.Where(l => l.Section == section && l.Item == item).Select(l => l.CurrentChf).FirstOrDefault();
}
