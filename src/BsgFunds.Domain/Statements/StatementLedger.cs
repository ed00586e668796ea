using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.InKind;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Statements;

/// <summary>
/// The postings of the event log read for the financial statements (docs/statements.md): folded in sequence order, it
/// keeps what each posting line needs to be presented (the contribution's source and revenue standard, the allocation's
/// programme, the disbursement's kind) and turns every posting line into a <see cref="StatementLine"/>. Pure: the same
/// events give the same lines, so a statement as of an instant never changes when later events arrive.
/// </summary>
public sealed class StatementLedger
{
    private readonly Dictionary<Guid, (FundingSource Source, string Standard)> contributions = [];
    private readonly Dictionary<Guid, int> programmes = [];
    private readonly Dictionary<Guid, string> kinds = [];
    private readonly Dictionary<Guid, string> donors = [];
    private readonly Dictionary<Guid, Guid> donorOf = [];
    private readonly List<StatementLine> lines = [];
    private readonly Dictionary<(Guid Allocation, Guid Contribution), decimal> heldCommitments = [];
    private readonly Dictionary<Guid, AgreementTerms> agreements = [];
    private readonly Dictionary<Guid, ServiceInKind> services = [];

    /// <summary>Services given in kind: disclosed in the notes with their valuation basis, never posted (decision 0012).</summary>
    public IReadOnlyCollection<ServiceInKind> ServicesInKind => services.Values;

    public IReadOnlyList<StatementLine> Lines => lines;

    public long LastSequence { get; private set; }

    public IReadOnlyDictionary<Guid, string> DonorNames => donors;

    /// <summary>
    /// Commitments of money held under compliance obligations (IPSAS 48: disclosed, not expensed; such money is in
    /// liabilities, not net assets, so its commitment posts nothing): per allocation and contribution, what is committed
    /// and not yet paid or released.
    /// </summary>
    public IReadOnlyDictionary<(Guid Allocation, Guid Contribution), decimal> HeldCommitments => heldCommitments;

    /// <summary>Signed agreements under compliance obligations: their instalments still to come are disclosed, not recognised.</summary>
    public IReadOnlyDictionary<Guid, AgreementTerms> Agreements => agreements;

    public void Apply(long sequence, object data)
    {
        LastSequence = Math.Max(LastSequence, sequence);
        Remember(data);
        var postings = Postings.For(data);
        if (postings.Count == 0 || Journal.BusinessDate(data) is not { } date) return;
        lines.AddRange(data is DisbursementPaid paid ? Payment(paid, date, sequence) : postings.Select(p => Classify(p, data, date, sequence)));
    }

    private void Remember(object data)
    {
        switch (data)
        {
            case DonorRegistered d: donors[d.DonorId] = d.Name; break;
            case ContributionPledged p:
                contributions[p.ContributionId] = (p.Source, StatementItems.Ipsas23);
                donorOf[p.ContributionId] = p.DonorId;
                break;
            case AgreementSigned a when contributions.TryGetValue(a.ContributionId, out var known):
                contributions[a.ContributionId] = (known.Source, a.Revenue switch
                {
                    null => StatementItems.Ipsas23,
                    { ComplianceObligations: true } => StatementItems.Ipsas47WithObligations,
                    _ => StatementItems.Ipsas47WithoutObligations,
                });
                if (a.Revenue is { ComplianceObligations: true })
                    agreements[a.ContributionId] = new AgreementTerms(a.DonorId, a.Amount, a.RateToChf, 0m);
                break;
            case AgreementAmended a when agreements.TryGetValue(a.ContributionId, out var terms):
                agreements[a.ContributionId] = terms with { Agreed = a.Amount };
                break;
            case ContributionReceived r when agreements.TryGetValue(r.ContributionId, out var terms):
                agreements[r.ContributionId] = terms with { SettledOriginal = terms.SettledOriginal + r.Amount.Amount };
                break;
            case ContributionWrittenOff w when agreements.TryGetValue(w.ContributionId, out var terms):
                agreements[w.ContributionId] = terms with { SettledOriginal = terms.SettledOriginal + w.Amount.Amount };
                break;
            case ContributionEventReversed v when agreements.TryGetValue(v.ContributionId, out var terms):
                var undone = (v.Receipt?.Amount.Amount ?? 0m) + (v.WriteOff?.Amount.Amount ?? 0m);
                agreements[v.ContributionId] = terms with { SettledOriginal = terms.SettledOriginal - undone };
                break;
            case AllocationRequested r: programmes[r.AllocationId] = r.Programme; break;
            case InKindContributionRecorded { Recognised: false } k:
                services[k.InKindId] = new ServiceInKind(k.DonorId, k.Description, k.ValuationBasis, k.ValueChf, k.From, k.To, null);
                break;
            case InKindContributionReversed { Recognised: false } k when services.TryGetValue(k.InKindId, out var service):
                services[k.InKindId] = service with { ReversedOn = k.ReversedOn };
                break;
            case DisbursementRequested r: kinds[r.DisbursementId] = r.Kind.ToString(); break;
            case FundsCommitted { Obligations: not null } c: Hold(c.AllocationId, c.ContributionId, c.AmountChf); break;
            case CommitmentReleased { Obligations: not null } r: Hold(r.AllocationId, r.ContributionId, -r.AmountChf); break;
            case DisbursementPaid p:
                foreach (var f in p.Funding.Where(f => f.Obligations is not null)) Hold(p.AllocationId, f.ContributionId, -f.AmountChf);
                break;
        }
    }

    private void Hold(Guid allocation, Guid contribution, decimal amountChf)
    {
        var left = heldCommitments.GetValueOrDefault((allocation, contribution)) + amountChf;
        if (left == 0) heldCommitments.Remove((allocation, contribution));
        else heldCommitments[(allocation, contribution)] = left;
    }

    private StatementLine Classify(Posting p, object data, DateOnly date, long sequence)
    {
        Guid? contributionId = data is IContributionEvent e ? e.ContributionId : null;
        Guid? donorId = contributionId is { } c0 && donorOf.TryGetValue(c0, out var d0) ? d0
            : data switch { InKindContributionRecorded k => k.DonorId, InKindContributionReversed k => k.DonorId, _ => null };
        var known = contributionId is { } id && contributions.TryGetValue(id, out var c) ? c : ((FundingSource, string)?)null;
        var inner = data is ContributionEventReversed v ? (object?)v.Receipt ?? (object?)v.WriteOff ?? v.Refund : data;
        var name = inner == data ? data.GetType().Name : $"{nameof(ContributionEventReversed)}:{inner?.GetType().Name}";
        var line = new StatementLine(date, sequence, name, p.Account, p.AmountChf, ClassOf(p.Account, data), null,
            Source: known?.Item1.ToString(), Standard: known?.Item2, ContributionId: contributionId, DonorId: donorId);
        line = line with { Item = ItemOf(p.Account, inner) };
        int? goodsProgramme = data switch { InKindContributionRecorded k => k.Programme, InKindContributionReversed k => k.Programme, _ => null };
        return data is InKindContributionRecorded or InKindContributionReversed
            ? line with { Source = StatementItems.GoodsInKind, Nature = StatementItems.GoodsInKind, Programme = goodsProgramme }
            : line;
    }

    /// <summary>The net assets a line belongs to; a commitment belongs to the earmark of the money it commits.</summary>
    private static string? ClassOf(string account, object data) => account switch
    {
        Accounts.NetAssetsUnrestricted => StatementItems.Unrestricted,
        _ when account.StartsWith(Accounts.CommitmentsPrefix, StringComparison.Ordinal) => data switch
        {
            FundsCommitted c => Restriction(c.Earmark),
            CommitmentReleased r => Restriction(r.Earmark),
            _ => StatementItems.Unrestricted,
        },
        _ when account.StartsWith(Accounts.NetAssetsRestricted, StringComparison.Ordinal) => account,
        _ when account.StartsWith("Assets:", StringComparison.Ordinal) || account.StartsWith("Liabilities:", StringComparison.Ordinal) => null,
        _ => StatementItems.Unrestricted,
    };

    private static string Restriction(Earmark earmark) => earmark.Category == EarmarkCategory.Unearmarked
        ? StatementItems.Unrestricted
        : earmark.NetAssetsAccount();

    /// <summary>
    /// What a line is in the statement of financial performance. Net-assets lines of an agreement, an amendment, a condition
    /// met, a write-off or a refund are revenue (or its reduction); the PSC pair of a receipt and the commitments move money
    /// within net assets; PSC income on money held under compliance obligations is revenue (the obligation is met by it).
    /// </summary>
    private static string? ItemOf(string account, object? data)
    {
        var netAssets = account.StartsWith("NetAssets:", StringComparison.Ordinal);
        return (account, data) switch
        {
            (Accounts.ExchangeGain or Accounts.ExchangeLoss, _) => StatementItems.ExchangeDifference,
            (Accounts.ProgrammeSupportCostIncome, ContributionReceived { Obligations: not null }) => StatementItems.Revenue,
            (Accounts.ProgrammeSupportCostIncome, _) => StatementItems.ProgrammeSupportCost,
            (_, ContributionReceived) when netAssets => StatementItems.ProgrammeSupportCost,
            (_, FundsCommitted or CommitmentReleased) when netAssets => StatementItems.Commitment,
            (Accounts.GoodsInKindRevenue, _) => StatementItems.Revenue,
            (Accounts.GoodsInKindExpense, _) => StatementItems.Expense,
            (_, AgreementSigned or AgreementAmended or ConditionSatisfied or ContributionWrittenOff or ContributionRefunded) when netAssets =>
                StatementItems.Revenue,
            _ when account.StartsWith(Accounts.ContributionRevenuePrefix, StringComparison.Ordinal) => StatementItems.Revenue,
            _ => null,
        };
    }

    /// <summary>
    /// A payment: for each line of money that paid it, the commitment released back to its net assets (or, for money held
    /// under compliance obligations, the obligation met and the revenue recognised), and its share of the expense and of
    /// the cash paid; the shares add up to the payment's postings exactly.
    /// </summary>
    private IEnumerable<StatementLine> Payment(DisbursementPaid p, DateOnly date, long sequence)
    {
        var name = nameof(DisbursementPaid);
        var nature = StatementItems.NatureOf(kinds.GetValueOrDefault(p.DisbursementId));
        int? programme = programmes.TryGetValue(p.AllocationId, out var n) ? n : null;
        var use = p.Use.ToString();
        var result = new List<StatementLine>();
        foreach (var f in p.Funding)
        {
            var known = contributions.TryGetValue(f.ContributionId, out var c) ? c : ((FundingSource, string)?)null;
            var common = new StatementLine(date, sequence, name, "", 0m, null, null, known?.Item1.ToString(), nature, programme, use,
                known?.Item2, f.ContributionId, f.DonorId);
            if (f.Obligations is { } held)
            {
                result.Add(common with { Account = Accounts.ComplianceObligations(f.ContributionId), AmountChf = f.AmountChf });
                result.Add(common with
                {
                    Account = Accounts.ContributionRevenue(held.Source), AmountChf = -f.AmountChf, Class = StatementItems.Unrestricted,
                    Item = StatementItems.Revenue, Source = held.Source.ToString(),
                });
                result.Add(common with
                {
                    Account = Accounts.Disbursements(p.Use), AmountChf = f.AmountChf, Class = StatementItems.Unrestricted,
                    Item = StatementItems.Expense,
                });
            }
            else
            {
                var restriction = Restriction(f.Earmark);
                result.Add(common with { Account = Accounts.Commitments(p.AllocationId), AmountChf = f.AmountChf, Class = restriction });
                result.Add(common with { Account = f.Earmark.NetAssetsAccount(), AmountChf = -f.AmountChf, Class = restriction });
                result.Add(common with
                {
                    Account = Accounts.Disbursements(p.Use), AmountChf = f.AmountChf, Class = restriction, Item = StatementItems.Expense,
                });
            }

            result.Add(common with { Account = Accounts.Cash, AmountChf = -f.AmountChf });
        }

        // A payment whose funding does not cover it (none stored before funding was recorded) is expense of unrestricted money.
        var rest = p.AmountChf - p.Funding.Sum(f => f.AmountChf);
        if (rest != 0)
        {
            var common = new StatementLine(date, sequence, name, "", 0m, null, null, null, nature, programme, use);
            result.Add(common with
            {
                Account = Accounts.Disbursements(p.Use), AmountChf = rest, Class = StatementItems.Unrestricted, Item = StatementItems.Expense,
            });
            result.Add(common with { Account = Accounts.Cash, AmountChf = -rest });
        }

        return result;
    }
}
