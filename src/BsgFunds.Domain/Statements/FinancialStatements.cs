using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Domain.Statements;

/// <summary>
/// The fund's IPSAS statements (domain.md §11, docs/statements.md), each a sum of posting lines
/// (<see cref="StatementLedger"/>) by the rule written beside it. Figures are presented positive as their section says
/// (assets, liabilities, net assets, revenue, expenses); cash flows are signed (in positive, out negative).
/// </summary>
public static class FinancialStatements
{
    public static FinancialStatement Build(string kind, StatementLedger ledger, ReportBook book, DateOnly from, DateOnly to,
        DateTimeOffset asOf, RevenuePolicy policy)
    {
        var (previousFrom, previousTo) = PreviousPeriod(from, to);
        var current = new Period(from, to);
        var previous = new Period(previousFrom, previousTo);
        var (title, rows) = kind switch
        {
            StatementKinds.FinancialPosition => ("Statement of financial position", Pair(ledger, current, previous, FinancialPosition)),
            StatementKinds.FinancialPerformance => ("Statement of financial performance", Pair(ledger, current, previous, FinancialPerformance)),
            StatementKinds.ChangesInNetAssets => ("Statement of changes in net assets", Pair(ledger, current, previous, ChangesInNetAssets)),
            StatementKinds.CashFlow => ("Cash flow statement (direct method)", Pair(ledger, current, previous, CashFlow)),
            StatementKinds.BudgetComparison => ("Statement of comparison of budget and actual amounts",
                Pair(ledger, current, previous, (_, p) => BudgetComparison(book, p, asOf))),
            StatementKinds.Notes => ("Notes to the financial statements", Pair(ledger, current, previous, (l, p) => Notes(l, p, policy))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a statement kind."),
        };
        return new FinancialStatement(kind, title, from, to, previousFrom, previousTo, StandardOf(current, policy), StandardOf(previous, policy),
            asOf,
            ledger.LastSequence, rows, kind == StatementKinds.Notes ? Policies(policy) : []);
    }

    /// <summary>The period of the same length that ends the day before <paramref name="from"/>; a calendar year's is the year before.</summary>
    public static (DateOnly From, DateOnly To) PreviousPeriod(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        return wholeMonths
            ? (from.AddMonths(-months), from.AddDays(-1))
            : (from.AddDays(from.DayNumber - to.DayNumber - 1), from.AddDays(-1));
    }

    public static string StandardOf(Period period, RevenuePolicy policy) =>
        period.From >= policy.Ipsas47From ? "IPSAS 47 (Revenue) and IPSAS 48 (Transfer Expenses)"
        : period.To < policy.Ipsas47From ? "IPSAS 23 (Revenue from Non-Exchange Transactions)"
        : "IPSAS 23 until " + policy.Ipsas47From.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            + ", then IPSAS 47 and IPSAS 48";

    private delegate IEnumerable<(string Section, string Item, decimal Chf)> Statement(StatementLedger ledger, Period period);

    /// <summary>Both periods' lines, matched by section and item in the order they first appear (current period first).</summary>
    private static List<StatementRow> Pair(StatementLedger ledger, Period current, Period previous, Statement statement)
    {
        var now = statement(ledger, current).ToList();
        var before = statement(ledger, previous).ToList();
        var keys = now.Select(r => (r.Section, r.Item)).Concat(before.Select(r => (r.Section, r.Item))).Distinct().ToList();
        return keys.Select(k => new StatementRow(k.Section, k.Item,
            now.Where(r => (r.Section, r.Item) == k).Sum(r => r.Chf), before.Where(r => (r.Section, r.Item) == k).Sum(r => r.Chf))).ToList();
    }

    private static decimal Balance(IEnumerable<StatementLine> lines, DateOnly at, Func<StatementLine, bool> which) =>
        lines.Where(l => l.Date <= at && which(l)).Sum(l => l.AmountChf);

    private static bool Starts(this StatementLine line, string prefix) => line.Account.StartsWith(prefix, StringComparison.Ordinal);

    private static bool IsRestricted(this StatementLine line) => line.Class is not null && line.Class != StatementItems.Unrestricted;

    private static IEnumerable<(string, string, decimal)> FinancialPosition(StatementLedger ledger, Period period)
    {
        var lines = ledger.Lines;
        var at = period.To;
        var cash = Balance(lines, at, l => l.Account == Accounts.Cash);
        var receivable = Balance(lines, at, l => l.Starts(Accounts.ReceivablePrefix));
        var deferred = -Balance(lines, at, l => l.Account == Accounts.DeferredRevenue);
        var held = -Balance(lines, at, l => l.Starts(Accounts.ComplianceObligationsPrefix));
        var restricted = -Balance(lines, at, l => l.IsRestricted());
        var unrestricted = -Balance(lines, at, l => l.Class == StatementItems.Unrestricted);
        return
        [
            ("Assets", "Cash and cash equivalents", cash),
            ("Assets", "Voluntary contributions receivable", receivable),
            ("Assets", "Total assets", cash + receivable),
            ("Liabilities", "Deferred revenue: conditions outstanding (IPSAS 23)", deferred),
            ("Liabilities", "Contributions held under compliance obligations (IPSAS 47)", held),
            ("Liabilities", "Total liabilities", deferred + held),
            ("Net assets", "Restricted by earmark", restricted),
            ("Net assets", "Unrestricted", unrestricted),
            ("Net assets", "Total net assets", restricted + unrestricted),
            ("Net assets", "Total liabilities and net assets", deferred + held + restricted + unrestricted),
        ];
    }

    private static IEnumerable<StatementLine> In(this IEnumerable<StatementLine> lines, Period period) =>
        lines.Where(l => l.Date >= period.From && l.Date <= period.To);

    private static IEnumerable<(string, string, decimal)> FinancialPerformance(StatementLedger ledger, Period period)
    {
        var lines = ledger.Lines.In(period).ToList();
        var rows = new List<(string, string, decimal)>();
        var revenue = lines.Where(l => l.Item == StatementItems.Revenue).ToList();
        foreach (var source in Enum.GetNames<FundingSource>())
            rows.Add(("Revenue", $"Voluntary contributions: {source}", -revenue.Where(l => l.Source == source).Sum(l => l.AmountChf)));
        var unknownSource = -revenue.Where(l => l.Source is null).Sum(l => l.AmountChf);
        if (unknownSource != 0) rows.Add(("Revenue", "Voluntary contributions: source not recorded", unknownSource));
        rows.Add(("Revenue", StatementItems.GoodsInKind, -revenue.Where(l => l.Source == StatementItems.GoodsInKind).Sum(l => l.AmountChf)));
        var gains = -lines.Where(l => l.Account == Accounts.ExchangeGain).Sum(l => l.AmountChf);
        rows.Add(("Revenue", "Exchange gains", gains));
        var totalRevenue = -revenue.Sum(l => l.AmountChf) + gains;
        rows.Add(("Revenue", "Total revenue", totalRevenue));

        var expenses = lines.Where(l => l.Item == StatementItems.Expense).ToList();
        foreach (var nature in expenses.Select(l => l.Nature ?? StatementItems.NatureOf(null)).Distinct().Order(StringComparer.Ordinal))
            rows.Add(("Expenses by nature", nature,
                expenses.Where(l => (l.Nature ?? StatementItems.NatureOf(null)) == nature).Sum(l => l.AmountChf)));
        var losses = lines.Where(l => l.Account == Accounts.ExchangeLoss).Sum(l => l.AmountChf);
        rows.Add(("Expenses by nature", "Exchange losses", losses));
        var totalExpenses = expenses.Sum(l => l.AmountChf) + losses;
        rows.Add(("Expenses by nature", "Total expenses", totalExpenses));
        var byProgramme = expenses.GroupBy(l => (l.Programme, l.Use)).OrderBy(g => g.Key.Programme).ThenBy(g => g.Key.Use, StringComparer.Ordinal);
        foreach (var g in byProgramme)
            rows.Add(("Expenses by programme", $"Programme {g.Key.Programme?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: "
                + (g.Key.Use ?? StatementItems.GoodsInKind), g.Sum(l => l.AmountChf)));
        rows.Add(("Surplus", "Surplus (deficit) for the period", totalRevenue - totalExpenses));
        return rows;
    }

    private static IEnumerable<(string, string, decimal)> ChangesInNetAssets(StatementLedger ledger, Period period)
    {
        var all = ledger.Lines.Where(l => l.Class is not null).ToList();
        var classes = all.Where(l => l.Date <= period.To).Select(l => l.Class!).Distinct()
            .OrderBy(c => c == StatementItems.Unrestricted ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        var rows = new List<(string, string, decimal)>();
        foreach (var c in classes.Append("Total"))
        {
            var mine = c == "Total" ? all : all.Where(l => l.Class == c).ToList();
            var during = mine.In(period).ToList();
            var opening = -mine.Where(l => l.Date < period.From).Sum(l => l.AmountChf);
            decimal Of(Func<StatementLine, bool> which) => -during.Where(which).Sum(l => l.AmountChf);
            var revenue = Of(l => l.Item == StatementItems.Revenue);
            var expenses = Of(l => l.Item == StatementItems.Expense);
            var exchange = Of(l => l.Item == StatementItems.ExchangeDifference);
            var psc = Of(l => l.Item == StatementItems.ProgrammeSupportCost);
            var other = Of(l => l.Item is not (StatementItems.Revenue or StatementItems.Expense or StatementItems.ExchangeDifference
                or StatementItems.ProgrammeSupportCost));
            var section = c == StatementItems.Unrestricted ? "Unrestricted" : c == "Total" ? "Total net assets" : $"Restricted: {c}";
            rows.Add((section, "Opening balance", opening));
            rows.Add((section, "Revenue", revenue));
            rows.Add((section, "Expenses", expenses));
            rows.Add((section, "Exchange differences", exchange));
            rows.Add((section, "Programme support cost charged to restricted funds", psc));
            if (other != 0) rows.Add((section, "Commitments and releases", other));
            rows.Add((section, "Surplus (deficit) for the period", revenue + expenses + exchange));
            rows.Add((section, "Closing balance", opening + revenue + expenses + exchange + psc + other));
        }

        return rows;
    }

    private static IEnumerable<(string, string, decimal)> CashFlow(StatementLedger ledger, Period period)
    {
        var cash = ledger.Lines.Where(l => l.Account == Accounts.Cash).ToList();
        var during = cash.In(period).ToList();
        var opening = cash.Where(l => l.Date < period.From).Sum(l => l.AmountChf);
        const string operating = "Cash flows from operating activities";
        var rows = new List<(string, string, decimal)>
        {
            (operating, "Receipts: voluntary contributions",
                during.Where(l => l.Event.EndsWith(nameof(ContributionReceived), StringComparison.Ordinal))
                .Sum(l => l.AmountChf)),
            (operating, "Payments: refunds to donors",
                during.Where(l => l.Event.EndsWith(nameof(ContributionRefunded), StringComparison.Ordinal))
                .Sum(l => l.AmountChf)),
        };
        foreach (var nature in during.Where(l => l.Nature is not null).Select(l => l.Nature!).Distinct().Order(StringComparer.Ordinal))
            rows.Add((operating, $"Payments: {nature}", during.Where(l => l.Nature == nature).Sum(l => l.AmountChf)));
        var net = during.Sum(l => l.AmountChf);
        rows.Add((operating, "Net cash flows from operating activities", net));
        rows.Add(("Cash", "Net increase (decrease) in cash", net));
        rows.Add(("Cash", "Cash at the beginning of the period", opening));
        rows.Add(("Cash", "Cash at the end of the period", opening + net));
        return rows;
    }

    private static IEnumerable<(string, string, decimal)> BudgetComparison(ReportBook book, Period period, DateTimeOffset asOf)
    {
        var report = LineItemReport.Build(book, period.To.Year, asOf);
        foreach (var l in report.Lines.Append(report.Totals))
        {
            var section = l == report.Totals ? "Total" : l.Programme is null ? "Not earmarked to a programme" : $"Programme {l.Programme}: {l.Use}";
            var final = l.BudgetRevisedChf ?? l.BudgetOriginalChf;
            yield return (section, "Original budget", l.BudgetOriginalChf);
            yield return (section, "Final budget", final);
            yield return (section, "Actual amounts on a comparable basis (disbursed)", l.DisbursedChf);
            yield return (section, "Committed, not yet disbursed", l.CommittedChf - l.DisbursedChf);
            yield return (section, "Difference: final budget and actual", final - l.DisbursedChf);
        }
    }

    private static IEnumerable<(string, string, decimal)> Notes(StatementLedger ledger, Period period, RevenuePolicy policy)
    {
        var lines = ledger.Lines;
        var revenue = lines.In(period).Where(l => l.Item == StatementItems.Revenue).ToList();
        foreach (var standard in new[] { StatementItems.Ipsas23, StatementItems.Ipsas47WithObligations, StatementItems.Ipsas47WithoutObligations })
            yield return ("Revenue by arrangement", standard, -revenue.Where(l => l.Standard == standard).Sum(l => l.AmountChf));

        var held = lines.Where(l => l.Date <= period.To && l.Starts(Accounts.ComplianceObligationsPrefix)).ToList();
        foreach (var g in held.GroupBy(l => l.DonorId).OrderBy(g => DonorName(ledger, g.Key), StringComparer.Ordinal))
            yield return ("Liabilities for compliance obligations not yet satisfied, by donor", DonorName(ledger, g.Key),
                -g.Sum(l => l.AmountChf));

        var committed = -lines.Where(l => l.Date <= period.To && l.Starts(Accounts.CommitmentsPrefix)).Sum(l => l.AmountChf);
        yield return ("Commitments (approved allocations not yet disbursed)", "From net assets", committed);
        yield return ("Commitments (approved allocations not yet disbursed)", "From money held under compliance obligations",
            ledger.HeldCommitments.Values.Sum());
        foreach (var g in ledger.Agreements.Values.GroupBy(a => a.DonorId).OrderBy(g => DonorName(ledger, g.Key), StringComparer.Ordinal))
            yield return ("Signed instalments still to come under compliance obligations (not recognised)", DonorName(ledger, g.Key),
                g.Sum(a => a.ToComeChf));

        foreach (var service in ledger.ServicesInKind.Where(x => x.To >= period.From && x.To <= period.To
                     && (x.ReversedOn is null || x.ReversedOn > period.To)).OrderBy(x => x.To))
            yield return ("Services in kind (disclosed, not recognised)",
                $"{DonorName(ledger, service.DonorId)}: {service.Description}, {service.From:yyyy-MM-dd} to {service.To:yyyy-MM-dd}; valued at "
                + service.ValuationBasis, service.ValueChf);

        var during = lines.In(period).ToList();
        yield return ("Exchange differences", "Realised exchange gains",
            -during.Where(l => l.Account == Accounts.ExchangeGain).Sum(l => l.AmountChf));
        yield return ("Exchange differences", "Realised exchange losses",
            during.Where(l => l.Account == Accounts.ExchangeLoss).Sum(l => l.AmountChf));
        _ = policy;
    }

    private static string DonorName(StatementLedger ledger, Guid? donor) =>
        donor is { } id && ledger.DonorNames.TryGetValue(id, out var name) ? $"{name} ({id})" : $"{donor}";

    public static IReadOnlyList<string> Policies(RevenuePolicy policy) =>
    [
        "Basis of preparation: the statements of the BSG fund follow IPSAS on the accrual basis, presented as IPSAS 1 requires, in Swiss "
        + "francs; every figure is a sum of the postings of the event log up to the statement's lastSequence (docs/statements.md).",
        $"Revenue: agreements signed from {policy.Ipsas47From:yyyy-MM-dd} follow IPSAS 47. A binding arrangement with compliance obligations "
        + "(to use the money for the agreed BSG purpose and return what is unspent; by default earmarked or conditional agreements) gives no "
        + "receivable at signature: cash received is a liability, and becomes revenue as eligible expenses funded from it are incurred "
        + "(payments and programme support cost). An agreement without compliance obligations is revenue when signed, the fund then "
        + "controlling its right to the money. Agreements signed before follow IPSAS 23 to their end: revenue at signature, deferred while a "
        + "condition with a duty to return is outstanding.",
        "Transfer expenses (IPSAS 48): fellowships and payments to institutions are expenses when paid, payment being made only once "
        + "delivery is certified and approved, that is once the fund's obligation is met; approved allocations not yet disbursed are "
        + "commitments, disclosed and not expensed.",
        "Programme support cost is charged on each receipt at the agreement's rate and retained by ITU: under IPSAS 23 it moves from "
        + "restricted to unrestricted net assets; on money held under compliance obligations it meets part of the obligation.",
        "Foreign currency: receipts at the UN operational rate of their value date's month; the receivable at the signing month's rate; "
        + "the difference is a realised exchange gain or loss. Amounts are rounded once, half away from zero, to the centime.",
        "Cash flows (IPSAS 2) are presented by the direct method; the fund has only operating cash flows.",
        "Budget comparison (IPSAS 24): the budget is the BSG line item, on the same classification (programme and use of funds) and the "
        + "calendar year; actual amounts on the comparable basis are disbursements of the year's allocations, from the line-item view.",
    ];
}

/// <summary>A reporting period, both days included.</summary>
public sealed record Period(DateOnly From, DateOnly To);
