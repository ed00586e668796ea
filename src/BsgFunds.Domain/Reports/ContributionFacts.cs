using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

public sealed class ContributionFacts
{
    public Guid Id { get; set; }
    public Guid DonorId { get; set; }
    public FundingSource Source { get; set; }
    public Earmark Earmark { get; set; } = Earmark.Pooled;
    public DateOnly PledgedOn { get; set; }
    public Money Pledged { get; set; } = Money.Chf(0m);
    public decimal? PledgedChf { get; set; }
    /// <summary>The agreement's terms in force: as signed, then as each amendment restated them.</summary>
    public AgreementSigned? Agreement { get; set; }

    /// <summary>The amendments of the agreement, each a change of the agreed total on its own date.</summary>
    public List<AmendmentFacts> Amendments { get; set; } = [];

    /// <summary>When the pledge was withdrawn: from then on it counts nowhere.</summary>
    public DateOnly? WithdrawnOn { get; set; }

    /// <summary>A pledge that counts: not withdrawn, not yet signed.</summary>
    public bool IsOutstandingPledge => Agreement is null && WithdrawnOn is null;

    /// <summary>The agreed total as first signed, in CHF.</summary>
    public decimal SignedChf => (Agreement?.AmountChf ?? 0m) - Amendments.Sum(a => a.ChangeChf);

    /// <summary>What was agreed in a year: the signature's total in the signing year, each amendment's change in its own year.</summary>
    public decimal AgreedChfIn(int year) =>
        (Agreement?.SignedOn.Year == year ? SignedChf : 0m) + Amendments.Where(a => a.SignedOn.Year == year).Sum(a => a.ChangeChf);

    /// <summary>Money per business date, keyed by <see cref="DateOnly.DayNumber"/>.</summary>
    public Dictionary<int, MoneyDay> Days { get; set; } = [];
    public List<SpendingEntry> Commitments { get; set; } = [];
    public List<SpendingEntry> Releases { get; set; } = [];

    public IEnumerable<MoneyDay> DaysOf(int year) => Days.Where(d => DateOnly.FromDayNumber(d.Key).Year == year).Select(d => d.Value);

    public IEnumerable<MoneyDay> DaysUpTo(DateOnly day) => Days.Where(d => d.Key <= day.DayNumber).Select(d => d.Value);

    public decimal ReceivedChf => Days.Values.Sum(d => d.ReceivedChf);
    public decimal PscChf => Days.Values.Sum(d => d.PscChf);
    public decimal RefundedChf => Days.Values.Sum(d => d.RefundedChf);
    public decimal ExchangeDifferenceChf => Days.Values.Sum(d => d.ExchangeDifferenceChf);
    public decimal WrittenOffChf => Days.Values.Sum(d => d.WrittenOffChf);
    public decimal CommittedChf => Commitments.Sum(c => c.AmountChf) - Releases.Sum(r => r.AmountChf);
    public decimal AvailableChf => ContributionRules.AvailableChf(ReceivedChf, PscChf, RefundedChf, CommittedChf);
    public decimal ReceivedOriginal => Days.Values.Sum(d => d.ReceivedOriginal);
    public decimal WrittenOffOriginal => Days.Values.Sum(d => d.WrittenOffOriginal);

    public void Add(MoneyEntries.Kind kind, MoneyEntry entry)
    {
        if (!Days.TryGetValue(entry.On.DayNumber, out var day)) Days[entry.On.DayNumber] = day = new MoneyDay();
        switch (kind)
        {
            case MoneyEntries.Kind.Receipt:
                day.ReceivedChf += entry.AmountChf;
                day.ReceivedOriginal += entry.Amount.Amount;
                day.PscChf += entry.PscChf;
                day.ExchangeDifferenceChf += entry.ExchangeDifferenceChf;
                day.ReceiptEntries++;
                break;
            case MoneyEntries.Kind.Refund:
                day.RefundedChf += entry.AmountChf;
                break;
            case MoneyEntries.Kind.WriteOff:
                day.WrittenOffChf += entry.AmountChf;
                day.WrittenOffOriginal += entry.Amount.Amount;
                break;
        }
    }
}
