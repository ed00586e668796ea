using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

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

    public IEnumerable<ReceivableRow> Rows() => Lines.Select(InstalmentRow).Concat(Pledges.Select(PledgeRow));

    private static ReceivableRow InstalmentRow(ReceivableLine l) => new()
    {
        DonorId = l.DonorId,
        DonorName = l.DonorName,
        ContributionId = l.ContributionId,
        Reference = l.Reference,
        DueOn = l.DueOn,
        InstalmentAmount = l.Instalment.Amount,
        Currency = l.Instalment.Currency,
        OutstandingAmount = l.Outstanding.Amount,
        OutstandingChf = l.OutstandingChf,
        DaysOverdue = l.DaysOverdue,
        AgeBucket = l.AgeBucket,
        Line = "Instalment",
    };

    // A pledge is not a receivable: it has no reference or due date, and its amount stands for both the instalment and what is outstanding.
    private static ReceivableRow PledgeRow(PledgeOutstandingLine p) => new()
    {
        DonorId = p.DonorId,
        DonorName = p.DonorName,
        ContributionId = p.ContributionId,
        InstalmentAmount = p.Amount.Amount,
        Currency = p.Amount.Currency,
        OutstandingAmount = p.Amount.Amount,
        OutstandingChf = p.AmountChf,
        DaysOverdue = p.DaysOutstanding,
        AgeBucket = p.AgeBucket,
        Line = "Pledge",
        PledgedOn = p.PledgedOn,
    };

    public static ReceivablesReport Build(ReportBook book, DateTimeOffset asOf)
    {
        var today = Bounds.Today(asOf);
        var lines = new List<ReceivableLine>();
        foreach (var c in book.Contributions.Values.Where(c => c.Agreement is not null))
        {
            var a = c.Agreement!;
            // What the receipts relieved of the receivable is their CHF value less the exchange difference (at the agreement's rate).
            var receivableChf = ContributionRules.ReceivableChf(a.AmountChf, c.ReceivedChf - c.ExchangeDifferenceChf, c.WrittenOffChf);
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
