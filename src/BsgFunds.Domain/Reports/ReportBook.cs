using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.Domain.InKind;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// The facts every report is built from, folded from the whole event log in sequence order by one function
/// (ReportBook.Apply). The present-day book is kept by an async projection; a book as of an instant is the nearest
/// earlier snapshot with the remaining events folded on. Corrections appear as negative entries on their own date,
/// so that period reports show when they happened.
/// </summary>
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

    /// <summary>Contributions in kind as recorded, with their reversal once reversed.</summary>
    public Dictionary<Guid, InKindContribution> InKind { get; set; } = [];

    /// <summary>Folds one stored event. Events at or before <see cref="LastSequence"/> are already in the book.</summary>
    public void Apply(object data, long sequence, DateTimeOffset timestamp) => Apply(data, sequence, timestamp, MoneyEntries.Of(data, sequence));

    /// <summary>
    /// Folds one stored event with the money entries it makes (<see cref="MoneyEntries.Of"/>), for a caller that keeps
    /// the entries too and so makes them once.
    /// </summary>
    public void Apply(
        object data, long sequence, DateTimeOffset timestamp, IEnumerable<(Guid ContributionId, MoneyEntries.Kind Kind, MoneyEntry Entry)> money)
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
                foreach (var (contributionId, kind, entry) in money) With(contributionId, c => c.Add(kind, entry));
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
            case InKindContributionRecorded k: InKind[k.InKindId] = InKindContribution.Create(k); break;
            case InKindContributionReversed k when InKind.TryGetValue(k.InKindId, out var given):
                InKind[k.InKindId] = InKindContribution.Apply(given, k);
                break;
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
