using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

/// <summary>What every report states: the instant it describes and the last event sequence it includes.</summary>
public interface IReport
{
    DateTimeOffset AsOf { get; }

    long LastSequence { get; }

    /// <summary>
    /// The types of its rows, whose properties are the CSV columns: known without a row, so that an empty report
    /// still has its header.
    /// </summary>
    IReadOnlyList<Type> RowTypes { get; }

    /// <summary>One flat row per line of the report, for CSV.</summary>
    IEnumerable<object> Rows();
}

/// <summary>A report whose lines are all one named row type.</summary>
public interface IReport<out TRow> : IReport
    where TRow : notnull
{
    IReadOnlyList<Type> IReport.RowTypes => [typeof(TRow)];

    new IEnumerable<TRow> Rows();

    IEnumerable<object> IReport.Rows() => Rows().Cast<object>();
}

public sealed record LineItemRow(
    int Year, string Line, int? Programme, UseOfFunds? Use, decimal BudgetOriginalChf, decimal? BudgetRevisedChf, decimal ReceivedChf, decimal PscChf,
    decimal AllocatedChf, decimal CommittedChf, decimal DisbursedChf, decimal AvailableChf, decimal PledgesOutstandingChf);

public sealed record FundingSourceRow(
    int Year, FundingSource Source, DonorType DonorType, decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf, int Contributions);

public sealed record ParticipationRow(int Year, string Beneficiaries, string Dimension, string Key, int Count, decimal AmountChf);

/// <summary>
/// One CSV row of the receivables report: an instalment outstanding (<c>Instalment</c>), or beside them a pledge outstanding
/// (<c>Pledge</c>: its amount is the pledge, aged in days since it was made, with no reference or due date).
/// </summary>
public sealed record ReceivableRow(
    Guid DonorId, string DonorName, Guid ContributionId, string? Reference, DateOnly? DueOn, decimal InstalmentAmount, string Currency,
    decimal OutstandingAmount, decimal? OutstandingChf, int DaysOverdue, string AgeBucket, string Line, DateOnly? PledgedOn);

public sealed record LineItemLine(
    int? Programme, UseOfFunds? Use, decimal BudgetOriginalChf, decimal? BudgetRevisedChf, decimal ReceivedChf, decimal PscChf,
    decimal AllocatedChf, decimal CommittedChf, decimal DisbursedChf, decimal AvailableChf, decimal PledgesOutstandingChf);

/// <summary>The BSG line item: budget against actual per programme and use of funds (docs/reports.md gives each figure's rule).</summary>
public sealed record LineItemReport(int Year, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<LineItemLine> Lines, LineItemLine Totals)
    : IReport<LineItemRow>
{
    public IEnumerable<LineItemRow> Rows() => Lines.Select(l => Row("Line", l)).Append(Row("Total", Totals));

    private LineItemRow Row(string line, LineItemLine l) => new(
        Year, line, l.Programme, l.Use, l.BudgetOriginalChf, l.BudgetRevisedChf, l.ReceivedChf, l.PscChf,
        l.AllocatedChf, l.CommittedChf, l.DisbursedChf, l.AvailableChf, l.PledgesOutstandingChf);

    public static LineItemReport Build(ReportBook book, int year, DateTimeOffset asOf)
    {
        var lines = new Dictionary<(int?, UseOfFunds?), LineItemLine>();
        LineItemLine Line(int? p, UseOfFunds? u) => lines.TryGetValue((p, u), out var l) ? l : lines[(p, u)] = new LineItemLine(p, u, 0m, null, 0m,
            0m, 0m, 0m, 0m, 0m, 0m);
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
        var totals = new LineItemLine(null, null, ordered.Sum(l => l.BudgetOriginalChf),
            ordered.Any(l => l.BudgetRevisedChf is not null) ? ordered.Sum(l => l.BudgetRevisedChf ?? 0m) : null,
            ordered.Sum(l => l.ReceivedChf), ordered.Sum(l => l.PscChf), ordered.Sum(l => l.AllocatedChf), ordered.Sum(l => l.CommittedChf),
            ordered.Sum(l => l.DisbursedChf), ordered.Sum(l => l.AvailableChf), ordered.Sum(l => l.PledgesOutstandingChf));
        return new LineItemReport(year, asOf, book.LastSequence, ordered, totals);
    }

    /// <summary>Money is shown on the line its earmark names: programme and use, programme only (softly earmarked), or pooled.</summary>
    public static (int?, UseOfFunds?) EarmarkLine(Earmark e) => e.Category switch
    {
        EarmarkCategory.Unearmarked => (null, null),
        EarmarkCategory.SoftlyEarmarked => (e.Programme, null),
        _ => (e.Programme, e.Use),
    };
}

public sealed record FundingSourceLine(FundingSource Source, DonorType DonorType, decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf,
    int Contributions);

/// <summary>Totals per Programme 4 (a) source and donor type for a year; pledged, agreed and received kept apart.</summary>
public sealed record FundingSourcesReport(int Year, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<FundingSourceLine> Lines,
    decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf)
    : IReport<FundingSourceRow>
{
    public IEnumerable<FundingSourceRow> Rows() =>
        Lines.Select(l => new FundingSourceRow(Year, l.Source, l.DonorType, l.PledgedChf, l.AgreedChf, l.ReceivedChf, l.Contributions));

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

public sealed record ParticipationLine(string Beneficiaries, string Dimension, string Key, int Count, decimal AmountChf);

/// <summary>Who BSG money reached in a year (paid disbursements): by country, ITU region, country group (on the payment date) and gender.</summary>
public sealed record ParticipationReport(
    int Year, DateTimeOffset AsOf, long LastSequence, IReadOnlyList<ParticipationLine> Lines, int FellowshipsToWomen, int FellowshipsToMen,
        decimal WomenSharePercent)
    : IReport<ParticipationRow>
{
    public IEnumerable<ParticipationRow> Rows() => Lines.Select(l => new ParticipationRow(Year, l.Beneficiaries, l.Dimension, l.Key, l.Count,
        l.AmountChf));

    public static ParticipationReport Build(ReportBook book, int year, DateTimeOffset asOf)
    {
        var rows = new List<(string Beneficiaries, string Dimension, string Key, decimal Amount)>();
        foreach (var p in book.Payments.Where(p => p.PaidOn.Year == year))
        {
            var who = p.Kind == DisbursementKind.Fellowship ? "Fellowships" : "OtherBeneficiaries";
            var country = book.Country(p.CountryCode);
            rows.Add((who, "Country", p.CountryCode, p.AmountChf));
            rows.Add((who, "Region", country?.Region.ToString() ?? "Unknown", p.AmountChf));
            foreach (var g in Enum.GetValues<CountryGroup>().Where(g => country?.IsMemberOn(g, p.PaidOn) == true)) rows.Add((who, "CountryGroup",
                g.ToString(), p.AmountChf));
            rows.Add((who, "Gender", p.Gender?.ToString() ?? "Unrecorded", p.AmountChf));
        }

        var lines = rows.GroupBy(r => (r.Beneficiaries, r.Dimension, r.Key))
            .Select(g => new ParticipationLine(g.Key.Beneficiaries, g.Key.Dimension, g.Key.Key, g.Count(), g.Sum(r => r.Amount)))
            .OrderBy(l => l.Beneficiaries, StringComparer.Ordinal).ThenBy(l => l.Dimension, StringComparer.Ordinal).ThenBy(l => l.Key,
                StringComparer.Ordinal)
            .ToList();
        var fellowships = book.Payments.Where(p => p.PaidOn.Year == year && p.Kind == DisbursementKind.Fellowship).ToList();
        var women = fellowships.Count(p => p.Gender == Gender.Female);
        var men = fellowships.Count(p => p.Gender == Gender.Male);
        var share = women + men == 0 ? 0m : Math.Round(100m * women / (women + men), 2, MidpointRounding.AwayFromZero);
        return new ParticipationReport(year, asOf, book.LastSequence, lines, women, men, share);
    }
}

public sealed record ReceivableLine(
    Guid DonorId, string DonorName, Guid ContributionId, string Reference, DateOnly DueOn, Money Instalment, Money Outstanding,
        decimal OutstandingChf, int DaysOverdue, string AgeBucket);

/// <summary>
/// A pledge announced and neither signed nor withdrawn, aged from the day it was made. Its CHF value is at the pledge
/// month's rate, if recorded.
/// </summary>
public sealed record PledgeOutstandingLine(
    Guid DonorId, string DonorName, Guid ContributionId, DateOnly PledgedOn, Money Amount, decimal? AmountChf, int DaysOutstanding, string AgeBucket);

/// <summary>
/// Agreed amounts not yet received, per donor and instalment, aged on the report date; beside them, never inside, the
/// pledges outstanding (<see cref="Pledges"/>), which are not receivables.
/// </summary>
public sealed record ReceivablesReport(DateTimeOffset AsOf, long LastSequence, IReadOnlyList<ReceivableLine> Lines, IReadOnlyDictionary<string,
    decimal> TotalsChfByBucket, decimal TotalChf)
    : IReport<ReceivableRow>
{
    public IReadOnlyList<PledgeOutstandingLine> Pledges { get; init; } = [];

    public decimal PledgesTotalChf => Pledges.Sum(p => p.AmountChf ?? 0m);

    public static readonly string[] Buckets = ["NotDue", "Days0To90", "Days91To180", "Days181To365", "Over365Days"];

    public IEnumerable<ReceivableRow> Rows() => Lines.Select(l => new ReceivableRow(
            l.DonorId, l.DonorName, l.ContributionId, l.Reference, l.DueOn, l.Instalment.Amount, l.Instalment.Currency,
            l.Outstanding.Amount, l.OutstandingChf, l.DaysOverdue, l.AgeBucket, "Instalment", null))
        .Concat(Pledges.Select(p => new ReceivableRow(
            p.DonorId, p.DonorName, p.ContributionId, null, null, p.Amount.Amount, p.Amount.Currency,
            p.Amount.Amount, p.AmountChf, p.DaysOutstanding, p.AgeBucket, "Pledge", p.PledgedOn)));

    public static ReceivablesReport Build(ReportBook book, DateTimeOffset asOf)
    {
        var today = Bounds.Today(asOf);
        var lines = new List<ReceivableLine>();
        foreach (var c in book.Contributions.Values.Where(c => c.Agreement is not null))
        {
            var a = c.Agreement!;
            var receivableChf = a.AmountChf - (c.ReceivedChf - c.ExchangeDifferenceChf) - c.WrittenOffChf;
            // Receipts and write-offs settle the earliest instalments first.
            var settled = c.ReceivedOriginal + c.WrittenOffOriginal;
            var outstandingTotal = a.Amount.Amount - settled;
            foreach (var instalment in a.Instalments.OrderBy(i => i.DueOn))
            {
                var covered = Math.Min(settled, instalment.Amount.Amount);
                settled -= covered;
                var outstanding = instalment.Amount.Amount - covered;
                if (outstanding <= 0) continue;
                // The CHF carrying amount is shared out in proportion; the last outstanding instalment takes the remainder.
                var chf = outstanding == outstandingTotal ? receivableChf : Rounding.ToCentimes(receivableChf * outstanding / outstandingTotal);
                receivableChf -= chf;
                outstandingTotal -= outstanding;
                var days = today.DayNumber - instalment.DueOn.DayNumber;
                lines.Add(new ReceivableLine(c.DonorId, book.Donors.TryGetValue(c.DonorId, out var d) ? d.Name : string.Empty, c.Id, a.Reference,
                    instalment.DueOn,
                    instalment.Amount, Money.Of(outstanding, a.Amount.Currency), chf, Math.Max(days, 0), Bucket(days)));
            }
        }

        lines = lines.OrderBy(l => l.DonorName, StringComparer.Ordinal).ThenBy(l => l.DueOn).ToList();
        var totals = Buckets.ToDictionary(b => b, b => lines.Where(l => l.AgeBucket == b).Sum(l => l.OutstandingChf));
        var pledges = book.Contributions.Values.Where(c => c.IsOutstandingPledge)
            .Select(c => (Facts: c, Days: today.DayNumber - c.PledgedOn.DayNumber))
            .Select(p => new PledgeOutstandingLine(p.Facts.DonorId, book.Donors.TryGetValue(p.Facts.DonorId, out var d) ? d.Name : string.Empty,
                p.Facts.Id,
                p.Facts.PledgedOn, p.Facts.Pledged, p.Facts.PledgedChf, Math.Max(p.Days, 0), Bucket(Math.Max(p.Days, 0))))
            .OrderBy(p => p.DonorName, StringComparer.Ordinal).ThenBy(p => p.PledgedOn).ThenBy(p => p.ContributionId)
            .ToList();
        return new ReceivablesReport(asOf, book.LastSequence, lines, totals, lines.Sum(l => l.OutstandingChf)) { Pledges = pledges };
    }

    public static string Bucket(int daysOverdue) => daysOverdue switch
    {
        < 0 => "NotDue",
        <= 90 => "Days0To90",
        <= 180 => "Days91To180",
        <= 365 => "Days181To365",
        _ => "Over365Days",
    };
}
