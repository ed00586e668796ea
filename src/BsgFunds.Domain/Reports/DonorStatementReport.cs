using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// A donor's fund-use statement for a period: per contribution, what came in and what it paid for. Balances are
/// what is available to spend (cash received less PSC, refunds and commitments) at the start and end of the period.
/// </summary>
public sealed record DonorStatementReport(
    Guid DonorId, string DonorName, DateOnly From, DateOnly To, DateTimeOffset AsOf, long LastSequence,
    IReadOnlyList<ContributionStatement> Contributions, decimal ReceivedChf, decimal PscChf, decimal AllocatedChf, decimal DisbursedChf,
    decimal RefundsChf, decimal ClosingBalanceChf) : IReport<DonorStatementRow>
{
    /// <summary>
    /// The donor's contributions in kind complete in the period (<c>to</c> inside it) or reversed in it. They bring no cash,
    /// so none of the statement's CHF figures above includes them.
    /// </summary>
    public IReadOnlyList<StatementInKind> InKind { get; init; } = [];

    public IEnumerable<DonorStatementRow> Rows() => ContributionRows().Concat(InKindRows());

    // A contribution in kind is a line of its own: its id stands in the contribution column, its description in the reference.
    private IEnumerable<DonorStatementRow> InKindRows()
    {
        foreach (var k in InKind)
        {
            var row = new DonorStatementRow
            {
                DonorId = DonorId, DonorName = DonorName, ContributionId = k.InKindId, Line = $"InKind{k.Kind}", On = k.To, Reference = k.Description,
                AmountChf = k.ValueChf, Programme = k.Programme,
            };
            if (k.To >= From && k.To <= To) yield return row;
            if (k.ReversedOn is { } reversed && reversed >= From && reversed <= To)
                yield return row with { Line = $"InKind{k.Kind}Reversed", On = reversed, AmountChf = -k.ValueChf };
        }
    }

    private IEnumerable<DonorStatementRow> ContributionRows()
    {
        foreach (var c in Contributions)
        {
            yield return Row(c, "Contribution", c.ClosingBalanceChf) with
            {
                Reference = c.AgreementReference,
                AmountOriginal = c.Pledged.Amount,
                Currency = c.Pledged.Currency,
                OpeningBalanceChf = c.OpeningBalanceChf,
            };
            foreach (var m in c.Amendments)
            {
                yield return Row(c, "Amendment", m.ChangeChf) with
                {
                    On = m.SignedOn, Reference = m.Reference, AmountOriginal = m.Change.Amount, Currency = m.Change.Currency,
                };
            }

            if (c.WithdrawnOn is { } withdrawn)
            {
                yield return Row(c, "Withdrawn", 0m) with { On = withdrawn, AmountOriginal = c.Pledged.Amount, Currency = c.Pledged.Currency };
            }

            foreach (var r in c.Receipts)
            {
                yield return Row(c, "Receipt", r.AmountChf) with
                {
                    On = r.ValueDate,
                    Reference = r.BankReference,
                    AmountOriginal = r.Amount.Amount,
                    Currency = r.Amount.Currency,
                    RateToChf = r.RateToChf,
                    PscChf = r.PscChf,
                    ExchangeDifferenceChf = r.ExchangeDifferenceChf,
                };
            }

            foreach (var a in c.Allocated) yield return Row(c, "Allocated", a.AmountChf) with { Programme = a.Programme, Use = a.Use.ToString() };
            foreach (var d in c.Disbursed)
            {
                yield return Row(c, "Disbursed", d.AmountChf) with
                {
                    Reference = d.CountryCode, Programme = d.Programme, Use = d.Use.ToString(), Region = d.Region,
                };
            }

            if (c.RefundsChf != 0) yield return Row(c, "Refunds", c.RefundsChf);
            if (c.WriteOffsChf != 0)
            {
                yield return Row(c, "WriteOffs", c.WriteOffsChf) with
                {
                    AmountOriginal = c.WrittenOff?.Amount, Currency = c.WrittenOff?.Currency,
                };
            }
        }
    }

    /// <summary>A line of one contribution with what every line has; each line sets its own fields on it.</summary>
    private DonorStatementRow Row(ContributionStatement c, string line, decimal amountChf) =>
        new() { DonorId = DonorId, DonorName = DonorName, ContributionId = c.ContributionId, Line = line, AmountChf = amountChf };

    /// <param name="entries">The money entries of the donor's contributions up to the book's sequence (<see cref="MoneyEntries"/>).</param>
    public static DonorStatementReport Build(ReportBook book, Guid donorId, DateOnly from, DateOnly to, DateTimeOffset asOf, MoneyEntries entries)
    {
        bool In(DateOnly d) => d >= from && d <= to;
        var statements = new List<ContributionStatement>();
        foreach (var c in book.Contributions.Values.Where(c => c.DonorId == donorId).OrderBy(c => c.PledgedOn).ThenBy(c => c.Id))
        {
            var e = entries.For(c.Id);
            var receipts = e.Receipts.Where(r => In(r.On)).Select(r => new StatementReceipt(r.Sequence, r.On, r.Amount, r.RateToChf, r.AmountChf,
                r.PscChf, r.ExchangeDifferenceChf, r.Reference, r.Reverses)).ToList();
            var allocated = c.Commitments.Where(e => In(e.On)).Select(e => (e.AllocationId, e.AmountChf))
                .Concat(c.Releases.Where(e => In(e.On)).Select(e => (e.AllocationId, AmountChf: -e.AmountChf)))
                .Where(e => book.Allocations.ContainsKey(e.AllocationId))
                .GroupBy(e => (book.Allocations[e.AllocationId].Programme, book.Allocations[e.AllocationId].Use))
                .Select(g => new StatementUse(g.Key.Programme, g.Key.Use, g.Sum(e => e.AmountChf)))
                .OrderBy(u => u.Programme).ThenBy(u => u.Use).ToList();
            var disbursed = book.Payments.Where(p => In(p.PaidOn))
                .SelectMany(p => p.Funding.Where(f => f.ContributionId == c.Id).Select(f => (Payment: p, f.AmountChf)))
                .Select(x =>
                {
                    var country = book.Country(x.Payment.CountryCode);
                    var groups = Enum.GetValues<CountryGroup>().Where(g => country?.IsMemberOn(g, x.Payment.PaidOn) == true).ToList();
                    return new StatementDisbursement(x.Payment.Programme, x.Payment.Use, country?.Region.ToString() ?? "Unknown",
                        x.Payment.CountryCode, groups, x.AmountChf);
                })
                .GroupBy(d => (d.Programme, d.Use, d.Region, d.CountryCode))
                .Select(g => g.First() with { AmountChf = g.Sum(d => d.AmountChf) })
                .OrderBy(d => d.Programme).ThenBy(d => d.Use).ThenBy(d => d.CountryCode, StringComparer.Ordinal).ToList();
            var writeOffs = e.WriteOffs.Where(w => In(w.On)).ToList();
            var a = c.Agreement;
            statements.Add(new ContributionStatement(
                c.Id, c.Source, c.Earmark, StatusOf(c), c.PledgedOn, c.Pledged, c.PledgedChf, a?.Reference, a?.SignedOn, a?.Amount,
                    a?.AmountChf ?? 0m,
                BalanceAt(c, from.AddDays(-1)), receipts, receipts.Sum(r => r.AmountChf), receipts.Sum(r => r.PscChf),
                    receipts.Sum(r => r.ExchangeDifferenceChf),
                allocated, allocated.Sum(u => u.AmountChf), disbursed, disbursed.Sum(d => d.AmountChf),
                e.Refunds.Where(r => In(r.On)).Sum(r => r.AmountChf),
                a is null ? null : Money.Of(writeOffs.Sum(w => w.Amount.Amount), a.Amount.Currency), writeOffs.Sum(w => w.AmountChf),
                BalanceAt(c, to))
            {
                Amendments = c.Amendments.Where(m => In(m.SignedOn)).Select(m => new StatementAmendment(m.Reference, m.SignedOn, m.Change,
                    m.ChangeChf)).ToList(),
                WithdrawnOn = c.WithdrawnOn,
            });
        }

        var inKind = book.InKind.Values
            .Where(k => k.DonorId == donorId && (In(k.To) || k.ReversedOn is { } reversed && In(reversed)))
            .OrderBy(k => k.To).ThenBy(k => k.Id).Select(StatementInKind.Of).ToList();
        return new DonorStatementReport(donorId, book.Donors.TryGetValue(donorId, out var donor) ? donor.Name : string.Empty, from, to, asOf,
            book.LastSequence, statements,
            statements.Sum(s => s.ReceivedChf), statements.Sum(s => s.PscChf), statements.Sum(s => s.AllocatedChf),
                statements.Sum(s => s.DisbursedChf),
            statements.Sum(s => s.RefundsChf), statements.Sum(s => s.ClosingBalanceChf)) { InKind = inKind };
    }

    /// <summary>What was available to spend at the end of a day: received less PSC, refunds and net commitments up to then.</summary>
    public static decimal BalanceAt(ContributionFacts c, DateOnly day)
    {
        var days = c.DaysUpTo(day).ToList();
        var committed = c.Commitments.Where(e => e.On <= day).Sum(e => e.AmountChf) - c.Releases.Where(e => e.On <= day).Sum(e => e.AmountChf);
        return ContributionRules.AvailableChf(days.Sum(d => d.ReceivedChf), days.Sum(d => d.PscChf), days.Sum(d => d.RefundedChf), committed);
    }

    private static ContributionStatus StatusOf(ContributionFacts c) => ContributionRules.Status(
        c.WithdrawnOn is not null, c.Agreement is not null,
        c.Agreement is null ? 0m : ContributionRules.ReceivableOriginal(c.Agreement.Amount.Amount, c.ReceivedOriginal, c.WrittenOffOriginal),
        c.AvailableChf, c.ReceivedOriginal, c.WrittenOffOriginal);
}
