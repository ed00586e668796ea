using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

/// <summary>The BSG line item: budget against actual per programme and use of funds (docs/reports.md gives each figure's rule).</summary>
public sealed record LineItemReport(int Year, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<LineItemLine> Lines, LineItemLine Totals)
    : IReport<LineItemRow>
{
    public IEnumerable<LineItemRow> Rows() => Lines.Select(l => Row("Line", l)).Append(Row("Total", Totals));

    private LineItemRow Row(string line, LineItemLine l) => new()
    {
        Year = Year,
        Line = line,
        Programme = l.Programme,
        Use = l.Use,
        BudgetOriginalChf = l.BudgetOriginalChf,
        BudgetRevisedChf = l.BudgetRevisedChf,
        ReceivedChf = l.ReceivedChf,
        PscChf = l.PscChf,
        AllocatedChf = l.AllocatedChf,
        CommittedChf = l.CommittedChf,
        DisbursedChf = l.DisbursedChf,
        AvailableChf = l.AvailableChf,
        PledgesOutstandingChf = l.PledgesOutstandingChf,
    };

    public static LineItemReport Build(ReportBook book, int year, DateTimeOffset asOf)
    {
        var lines = new Dictionary<(int?, UseOfFunds?), LineItemLine>();
        LineItemLine Line(int? p, UseOfFunds? u) => lines.TryGetValue((p, u), out var l) ? l : lines[(p, u)] = Empty(p, u);
        void Add((int?, UseOfFunds?) key, Func<LineItemLine, LineItemLine> change) => lines[key] = change(Line(key.Item1, key.Item2));

        if (book.Budgets.TryGetValue(year, out var budget))
        {
            foreach (var b in budget.Original ?? []) Add((b.Programme, b.Use), l => l with { BudgetOriginalChf = l.BudgetOriginalChf + b.AmountChf });
            foreach (var b in budget.Revised ?? []) Add((b.Programme, b.Use),
                l => l with { BudgetRevisedChf = (l.BudgetRevisedChf ?? 0m) + b.AmountChf });
        }

        foreach (var c in book.Contributions.Values)
        {
            var key = EarmarkLine(c.Earmark);
            var received = c.DaysOf(year).ToList();
            Add(key, l => l with
            {
                ReceivedChf = l.ReceivedChf + received.Sum(d => d.ReceivedChf),
                PscChf = l.PscChf + received.Sum(d => d.PscChf),
                AvailableChf = l.AvailableChf + (c.Agreement is null ? 0m : c.AvailableChf),
                PledgesOutstandingChf = l.PledgesOutstandingChf + (c.IsOutstandingPledge && c.PledgedOn.Year == year ? c.PledgedChf ?? 0m : 0m),
            });
        }

        foreach (var a in book.Allocations.Values.Where(a => a.Year == year && a.Status != AllocationStatus.Rejected))
        {
            Add((a.Programme, a.Use), l => l with { AllocatedChf = l.AllocatedChf + a.AmountChf, CommittedChf = l.CommittedChf + a.CommittedChf });
        }

        foreach (var p in book.Payments.Where(p => book.Allocations.TryGetValue(p.AllocationId, out var a) && a.Year == year))
        {
            Add((p.Programme, p.Use), l => l with { DisbursedChf = l.DisbursedChf + p.AmountChf });
        }

        var ordered = lines.Values.OrderBy(l => l.Programme ?? 99).ThenBy(l => l.Use is null ? 99 : (int)l.Use).ToList();
        var totals = new LineItemLine(
            Programme: null,
            Use: null,
            BudgetOriginalChf: ordered.Sum(l => l.BudgetOriginalChf),
            BudgetRevisedChf: ordered.Any(l => l.BudgetRevisedChf is not null) ? ordered.Sum(l => l.BudgetRevisedChf ?? 0m) : null,
            ReceivedChf: ordered.Sum(l => l.ReceivedChf),
            PscChf: ordered.Sum(l => l.PscChf),
            AllocatedChf: ordered.Sum(l => l.AllocatedChf),
            CommittedChf: ordered.Sum(l => l.CommittedChf),
            DisbursedChf: ordered.Sum(l => l.DisbursedChf),
            AvailableChf: ordered.Sum(l => l.AvailableChf),
            PledgesOutstandingChf: ordered.Sum(l => l.PledgesOutstandingChf));
        return new LineItemReport(year, asOf, book.LastSequence, ordered, totals);
    }

    // A revised budget stays absent (not zero) until one is planned for the line.
    private static LineItemLine Empty(int? programme, UseOfFunds? use) => new(
        programme, use, BudgetOriginalChf: 0m, BudgetRevisedChf: null, ReceivedChf: 0m, PscChf: 0m, AllocatedChf: 0m, CommittedChf: 0m,
        DisbursedChf: 0m, AvailableChf: 0m, PledgesOutstandingChf: 0m);

    /// <summary>Money is shown on the line its earmark names: programme and use, programme only (softly earmarked), or pooled.</summary>
    public static (int?, UseOfFunds?) EarmarkLine(Earmark e) => e.Category switch
    {
        EarmarkCategory.Unearmarked => (null, null),
        EarmarkCategory.SoftlyEarmarked => (e.Programme, null),
        _ => (e.Programme, e.Use),
    };
}
