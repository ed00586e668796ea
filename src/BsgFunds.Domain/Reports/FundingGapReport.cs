using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// The funding gap of a budget year (domain.md §12): per programme and use, what the budget still needs once what is
/// committed, the cash available and the signed instalments to come are counted, so that a finance officer knows whom to
/// ask for what. Money is counted once, at the narrowest level its earmark fits (<see cref="Funding.FitsLine"/>): earmarked
/// and tightly earmarked money on its line, softly earmarked money on its programme, pooled money on the fund. Pledges
/// stand beside the gap, never inside it. docs/reports.md gives every figure's rule and a worked example.
/// </summary>
public sealed record FundingGapReport(
    int Year, string? BudgetVersion, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<FundingGapLine> Lines,
    IReadOnlyList<FundingGapProgramme> Programmes, FundingGapTotals Totals) : IReport<FundingGapRow>
{
    private static readonly IReadOnlyList<(int Programme, UseOfFunds Use)> EveryLine =
        [.. from p in ProgrammeNumbers from u in Enum.GetValues<UseOfFunds>() select (p, u)];

    private static IEnumerable<int> ProgrammeNumbers => [1, 2, 3];

    public IEnumerable<FundingGapRow> Rows() =>
        Lines.Select(l => new FundingGapRow
            {
                Year = Year, Level = "Line", Programme = l.Programme, Use = l.Use, BudgetChf = l.BudgetChf, CommittedChf = l.CommittedChf,
                NeedChf = l.UncommittedBudgetChf, AvailableChf = l.EarmarkedAvailableChf, InstalmentsToComeChf = l.EarmarkedInstalmentsToComeChf,
                GapChf = l.GapBeforeSharedChf, PledgesOutstandingChf = l.EarmarkedPledgesOutstandingChf,
            })
            .Concat(Programmes.Select(p => new FundingGapRow
            {
                Year = Year, Level = "Programme", Programme = p.Programme, NeedChf = p.LinesGapChf, AvailableChf = p.SoftlyEarmarkedAvailableChf,
                InstalmentsToComeChf = p.SoftlyEarmarkedInstalmentsToComeChf, GapChf = p.GapBeforePooledChf,
                PledgesOutstandingChf = p.SoftlyEarmarkedPledgesOutstandingChf,
            }))
            .Append(new FundingGapRow
            {
                Year = Year, Level = "Total", BudgetChf = Totals.BudgetChf, CommittedChf = Totals.CommittedChf, NeedChf = Totals.GapBeforePooledChf,
                AvailableChf = Totals.PooledAvailableChf, InstalmentsToComeChf = Totals.PooledInstalmentsToComeChf, GapChf = Totals.GapChf,
                PledgesOutstandingChf = Totals.PooledPledgesOutstandingChf,
            });

    /// <summary>The year's funding gap from the report book (the present one, or as of an instant).</summary>
    public static FundingGapReport Build(ReportBook book, int year, DateTimeOffset asOf)
    {
        var budget = book.Budgets.GetValueOrDefault(year);
        // A revised plan restates the whole year (PUT /api/budget/{year}), so a line it leaves out is budgeted at nought.
        var (version, planned) = budget?.Revised is { } revised ? ("Revised", revised)
            : budget?.Original is { } original ? ("Original", original)
            : ((string?)null, (IReadOnlyList<BudgetLine>)[]);
        var committed = book.Allocations.Values.Where(a => a.Year == year && a.Status != AllocationStatus.Rejected)
            .GroupBy(a => (a.Programme, a.Use)).ToDictionary(g => g.Key, g => g.Sum(a => a.CommittedChf));
        var needs = planned.Select(l => (l.Programme, l.Use)).Union(committed.Keys)
            .Select(l => new FundingGapNeed(l.Item1, l.Item2,
                planned.Where(b => b.Programme == l.Item1 && b.Use == l.Item2).Sum(b => b.AmountChf), committed.GetValueOrDefault(l)))
            .ToList();

        // What is still to come of each agreement, at its rate, as the receivables report shares it out, less the PSC it will bear.
        var toCome = ReceivablesReport.Build(book, asOf).Lines.GroupBy(l => l.ContributionId)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.OutstandingChf));
        var sources = book.Contributions.Values.Select(c =>
        {
            var outstanding = toCome.GetValueOrDefault(c.Id);
            var psc = c.Agreement is { } a && outstanding != 0 ? Money.Chf(outstanding).Percent(a.PscRatePercent).Amount : 0m;
            return new FundingGapSource(c.Id, c.Earmark, c.Agreement is null ? 0m : c.AvailableChf, outstanding - psc,
                c.IsOutstandingPledge ? c.PledgedChf ?? 0m : 0m);
        }).ToList();

        return Compute(year, version, asOf, book.LastSequence, needs, sources,
            id => book.Allocations.TryGetValue(id, out var a) && a.Year == year ? (a.Programme, a.Use) : null);
    }

    /// <summary>
    /// The pure computation: each source counted at the one level its earmark fits (one line, one programme's lines, or every
    /// line), then each level's gap = max(0, what the level below left uncovered − its available cash − its instalments to come).
    /// </summary>
    /// <param name="allocationLine">The line of an allocation of this year, for money tightly earmarked to it; null for any other.</param>
    public static FundingGapReport Compute(
        int year, string? budgetVersion, DateTimeOffset asOf, long lastSequence, IReadOnlyList<FundingGapNeed> needs,
        IReadOnlyList<FundingGapSource> sources, Func<Guid, (int Programme, UseOfFunds Use)?> allocationLine)
    {
        var onLines = new Dictionary<(int, UseOfFunds), LevelMoney>();
        var onProgrammes = new Dictionary<int, LevelMoney>();
        var pooled = new LevelMoney(0m, 0m, 0m);
        foreach (var s in sources)
        {
            var money = new LevelMoney(s.AvailableChf, s.InstalmentsToComeChf, s.PledgesOutstandingChf);
            if (money.IsZero) continue;
            var fits = EveryLine.Where(l => Funding.FitsLine(s.Earmark, l.Programme, l.Use, id => allocationLine(id) == l)).ToList();
            if (fits.Count == 0) continue; // tightly earmarked to an allocation of another year: it funds nothing of this one
            if (fits.Count == EveryLine.Count) pooled += money;
            else if (fits.Count == 1) onLines[fits[0]] = onLines.GetValueOrDefault(fits[0]) + money;
            else if (fits.Select(f => f.Programme).Distinct().Count() == 1)
                onProgrammes[fits[0].Programme] = onProgrammes.GetValueOrDefault(fits[0].Programme) + money;
            else throw new InvalidOperationException($"Contribution {s.ContributionId}'s earmark fits several programmes but not every line.");
        }

        var byLine = needs.ToDictionary(n => (n.Programme, n.Use));
        var lines = byLine.Keys.Union(onLines.Keys).Order().Select(key =>
        {
            var need = byLine.GetValueOrDefault(key) ?? new FundingGapNeed(key.Item1, key.Item2, 0m, 0m);
            var money = onLines.GetValueOrDefault(key);
            var uncommitted = Math.Max(0m, need.BudgetChf - need.CommittedChf);
            return new FundingGapLine(key.Item1, key.Item2, need.BudgetChf, need.CommittedChf, uncommitted, money.Available, money.ToCome,
                Gap(uncommitted, money), money.Pledges);
        }).ToList();

        var programmes = lines.Select(l => l.Programme).Union(onProgrammes.Keys).Order().Select(p =>
        {
            var linesGap = lines.Where(l => l.Programme == p).Sum(l => l.GapBeforeSharedChf);
            var money = onProgrammes.GetValueOrDefault(p);
            return new FundingGapProgramme(p, linesGap, money.Available, money.ToCome, Gap(linesGap, money), money.Pledges);
        }).ToList();

        var beforePooled = programmes.Sum(p => p.GapBeforePooledChf);
        var totals = new FundingGapTotals(
            lines.Sum(l => l.BudgetChf), lines.Sum(l => l.CommittedChf), lines.Sum(l => l.UncommittedBudgetChf),
            lines.Sum(l => l.EarmarkedAvailableChf),
            lines.Sum(l => l.EarmarkedInstalmentsToComeChf), programmes.Sum(p => p.SoftlyEarmarkedAvailableChf),
            programmes.Sum(p => p.SoftlyEarmarkedInstalmentsToComeChf), beforePooled, pooled.Available, pooled.ToCome, Gap(beforePooled, pooled),
            pooled.Pledges, lines.Sum(l => l.EarmarkedPledgesOutstandingChf) + programmes.Sum(p => p.SoftlyEarmarkedPledgesOutstandingChf)
                + pooled.Pledges);
        return new FundingGapReport(year, budgetVersion, asOf, lastSequence, lines, programmes, totals);
    }

    private static decimal Gap(decimal need, LevelMoney money) => Math.Max(0m, need - money.Available - money.ToCome);

    /// <summary>The three figures every level adds up: cash available, instalments to come, pledges outstanding.</summary>
    private readonly record struct LevelMoney(decimal Available, decimal ToCome, decimal Pledges)
    {
        public bool IsZero => Available == 0m && ToCome == 0m && Pledges == 0m;

        public static LevelMoney operator +(LevelMoney a, LevelMoney b) => new(a.Available + b.Available, a.ToCome + b.ToCome, a.Pledges + b.Pledges);
    }
}
