using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

// The facts every report is built from, folded from the whole event log in sequence order by one function
// (ReportBook.Apply). The present-day book is kept by an async projection; a book as of an instant is the nearest
// earlier snapshot with the remaining events folded on. Corrections appear as negative entries on their own date,
// so that period reports show when they happened.

public sealed class DonorFacts
{
    public Guid Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public DonorType Type { get; set; }
    public string? CountryCode { get; set; }
}

public sealed class MoneyEntry
{
    public long Sequence { get; set; }
    public DateOnly On { get; set; }
    public Money Amount { get; set; } = Money.Chf(0m);
    public decimal RateToChf { get; set; }
    public decimal AmountChf { get; set; }
    public decimal PscChf { get; set; }
    public decimal ExchangeDifferenceChf { get; set; }
    public string? Reference { get; set; }
    public long? Reverses { get; set; }
}

public sealed class SpendingEntry
{
    public Guid AllocationId { get; set; }
    public DateOnly On { get; set; }
    public decimal AmountChf { get; set; }
}

/// <summary>
/// A contribution's money on one business date (value date, refund date, write-off date, reversal date), summed:
/// the book keeps totals per day, not every entry, so that it stays the same size however many receipts arrive.
/// Reports that list entries (statements, IATI) read them from the events (<see cref="MoneyEntries"/>).
/// </summary>
public sealed class MoneyDay
{
    public decimal ReceivedChf { get; set; }
    public decimal ReceivedOriginal { get; set; }
    public decimal PscChf { get; set; }
    public decimal ExchangeDifferenceChf { get; set; }
    public decimal RefundedChf { get; set; }
    public decimal WrittenOffChf { get; set; }
    public decimal WrittenOffOriginal { get; set; }
    public int ReceiptEntries { get; set; }
}

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
    public decimal AvailableChf => ReceivedChf - PscChf - RefundedChf - CommittedChf;
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

public sealed class AmendmentFacts
{
    public string Reference { get; set; } = string.Empty;
    public DateOnly SignedOn { get; set; }
    public Money Change { get; set; } = Money.Chf(0m);
    public decimal ChangeChf { get; set; }
}

public sealed class FundingShare
{
    public Guid ContributionId { get; set; }
    public Guid DonorId { get; set; }
    public decimal AmountChf { get; set; }
}

public sealed class AllocationFacts
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public int Programme { get; set; }
    public UseOfFunds Use { get; set; }
    public string Title { get; set; } = string.Empty;
    public decimal AmountChf { get; set; }
    public AllocationStatus Status { get; set; }
    public List<FundingShare> Funding { get; set; } = [];
    public decimal ReleasedChf { get; set; }
    public decimal CommittedChf => Status is AllocationStatus.Approved or AllocationStatus.Closed ? AmountChf - ReleasedChf : 0m;
}

public sealed class PaymentFacts
{
    public Guid AllocationId { get; set; }
    public Guid DisbursementId { get; set; }
    public DateOnly PaidOn { get; set; }
    public decimal AmountChf { get; set; }
    public int Programme { get; set; }
    public UseOfFunds Use { get; set; }
    public DisbursementKind Kind { get; set; }
    public FellowshipType? Fellowship { get; set; }
    public string CountryCode { get; set; } = string.Empty;
    public Gender? Gender { get; set; }
    public string? PersonId { get; set; }
    public List<FundingShare> Funding { get; set; } = [];
}

public sealed class ReportBook
{
    /// <summary>The one book the projection keeps.</summary>
    public const string PresentId = "present";

    public string Id { get; set; } = PresentId;
    public long LastSequence { get; set; }
    public DateTimeOffset? LastTimestamp { get; set; }
    public Dictionary<Guid, DonorFacts> Donors { get; set; } = [];
    public Dictionary<Guid, ContributionFacts> Contributions { get; set; } = [];
    public Dictionary<Guid, AllocationFacts> Allocations { get; set; } = [];
    public List<PaymentFacts> Payments { get; set; } = [];
    public Dictionary<int, LineItemBudget> Budgets { get; set; } = [];
    public List<CountryClassificationRecorded> CountryChanges { get; set; } = [];
    public Dictionary<string, decimal> Rates { get; set; } = [];
    public Dictionary<Guid, Spending.DisbursementRequested> Requests { get; set; } = [];

    /// <summary>Folds one stored event. Events at or before <see cref="LastSequence"/> are already in the book.</summary>
    public void Apply(object data, long sequence, DateTimeOffset timestamp)
    {
        if (sequence <= LastSequence) return;
        LastSequence = sequence;
        LastTimestamp = timestamp;
        switch (data)
        {
            case ExchangeRateRecorded r: Rates[$"{r.Currency}/{r.Month}"] = r.RateToChf; break;
            case CountryClassificationRecorded c: CountryChanges.Add(c); break;
            case DonorRegistered d: Donors[d.DonorId] = new DonorFacts { Id = d.DonorId, Name = d.Name, Type = d.Type,
                CountryCode = d.CountryCode }; break;
            case ContributionPledged p:
                Contributions[p.ContributionId] = new ContributionFacts
                {
                    Id = p.ContributionId, DonorId = p.DonorId, Source = p.Source, Earmark = p.Earmark, PledgedOn = p.PledgedOn, Pledged = p.Amount,
                    PledgedChf = p.Amount.Currency == Currency.ReportingCode ? p.Amount.Amount
                        : Rates.TryGetValue($"{p.Amount.Currency}/{YearMonth.Of(p.PledgedOn)}", out var rate) ? p.Amount.ToChf(rate).Amount : null,
                };
                break;
            case AgreementSigned a: With(a.ContributionId, c => { c.Agreement = a; c.Earmark = a.Earmark; }); break;
            case PledgeWithdrawn w: With(w.ContributionId, c => c.WithdrawnOn = w.On); break;
            case AgreementAmended a:
                With(a.ContributionId, c =>
                {
                    c.Agreement = c.Agreement! with { Amount = a.Amount, AmountChf = a.AmountChf, Instalments = a.Instalments };
                    c.Amendments.Add(new AmendmentFacts { Reference = a.Reference, SignedOn = a.SignedOn, Change = a.Change,
                        ChangeChf = a.ChangeChf });
                });
                break;
            case ContributionReceived or ContributionWrittenOff or ContributionRefunded or ContributionEventReversed:
                foreach (var (contributionId, kind, entry) in MoneyEntries.Of(data, sequence)) With(contributionId, c => c.Add(kind, entry));
                break;
            case FundsCommitted f: With(f.ContributionId, c => c.Commitments.Add(new SpendingEntry { AllocationId = f.AllocationId, On = Day(f.At),
                AmountChf = f.AmountChf })); break;
            case CommitmentReleased r: With(r.ContributionId, c => c.Releases.Add(new SpendingEntry { AllocationId = r.AllocationId, On = Day(r.At),
                AmountChf = r.AmountChf })); break;
            case BudgetPlanned b: Budgets[b.Year] = Budgets.TryGetValue(b.Year, out var budget) ? budget.Apply(b) : LineItemBudget.Create(b); break;
            case AllocationRequested a:
                Allocations[a.AllocationId] = new AllocationFacts
                {
                    Id = a.AllocationId, Year = a.Year, Programme = a.Programme, Use = a.Use, Title = a.Title, AmountChf = a.AmountChf,
                        Status = AllocationStatus.Requested,
                };
                break;
            case AllocationApproved a when Allocations.TryGetValue(a.AllocationId, out var approved):
                approved.Status = AllocationStatus.Approved;
                approved.Funding = a.Funding.Select(f => new FundingShare { ContributionId = f.ContributionId, DonorId = f.DonorId,
                    AmountChf = f.AmountChf }).ToList();
                break;
            case AllocationRejected a when Allocations.TryGetValue(a.AllocationId,
                out var rejected): rejected.Status = AllocationStatus.Rejected; break;
            case AllocationClosed a when Allocations.TryGetValue(a.AllocationId, out var closed):
                closed.Status = AllocationStatus.Closed;
                closed.ReleasedChf = a.Released.Sum(r => r.AmountChf);
                break;
            case Spending.DisbursementRequested d: Requests[d.DisbursementId] = d; break;
            case DisbursementPaid p when Allocations.TryGetValue(p.AllocationId, out var allocation) && Requests.TryGetValue(p.DisbursementId,
                out var request):
                Payments.Add(new PaymentFacts
                {
                    AllocationId = p.AllocationId, DisbursementId = p.DisbursementId, PaidOn = p.PaidOn, AmountChf = p.AmountChf,
                    Programme = allocation.Programme, Use = allocation.Use, Kind = request.Kind, Fellowship = request.Fellowship,
                    CountryCode = request.Payee.CountryCode, Gender = request.Payee.Gender, PersonId = request.Payee.PersonId,
                    Funding = p.Funding.Select(f => new FundingShare { ContributionId = f.ContributionId, DonorId = f.DonorId,
                        AmountChf = f.AmountChf }).ToList(),
                });
                Requests.Remove(p.DisbursementId);
                break;
            case DisbursementCancelled c: Requests.Remove(c.DisbursementId); break;
        }
    }

    /// <summary>The country as classified by the shipped table and the changes recorded so far.</summary>
    public Country? Country(string code) =>
        CountryCatalogue.TryFind(code, out var country) ? country.With(CountryChanges.Where(c => c.CountryCode == code)) : null;

    private void With(Guid contributionId, Action<ContributionFacts> change)
    {
        if (Contributions.TryGetValue(contributionId, out var facts)) change(facts);
    }

    private static DateOnly Day(DateTimeOffset at) => Bounds.Today(at);
}
