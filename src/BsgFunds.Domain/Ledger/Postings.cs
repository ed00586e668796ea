using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.InKind;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain;

/// <summary>The postings each money event makes (docs/ledger.md). Every set balances: its CHF amounts add up to zero.</summary>
public static class Postings
{
    public static IReadOnlyList<Posting> For(object @event) => @event switch
    {
        // IPSAS 47 with compliance obligations: the agreement is a commitment of the donor, disclosed, not posted; money
        // enters the ledger when it is received (docs/ledger.md).
        AgreementSigned { Revenue.ComplianceObligations: true } or AgreementAmended { Obligations: not null } => [],
        ContributionWrittenOff { Obligations: not null } or FundsCommitted { Obligations: not null } => [],
        CommitmentReleased { Obligations: not null } => [],
        ContributionRefunded { Obligations: { } } f => Pair(Accounts.ComplianceObligations(f.ContributionId), Accounts.Cash, f.AmountChf),
        AgreementSigned a => Agreement(a),
        AgreementAmended a => Amendment(a),
        ConditionSatisfied c => Pair(Accounts.DeferredRevenue, c.Earmark.NetAssetsAccount(), c.RevenueReleasedChf),
        ContributionReceived r => Receipt(r),
        ContributionWrittenOff w => WriteOff(w),
        ContributionRefunded f => Pair(f.Earmark.NetAssetsAccount(), Accounts.Cash, f.AmountChf),
        // The reversed event as stored, through this same switch, so that its treatment (IPSAS 23 or 47) travels with it.
        ContributionEventReversed v => ((object?)v.Receipt ?? (object?)v.WriteOff ?? v.Refund) is { } reversed
            ? For(reversed).Select(p => p with { AmountChf = -p.AmountChf, Original = p.Original.Negate() }).ToList()
            : [],
        FundsCommitted c => Pair(c.Earmark.NetAssetsAccount(), Accounts.Commitments(c.AllocationId), c.AmountChf),
        CommitmentReleased r => Pair(Accounts.Commitments(r.AllocationId), r.Earmark.NetAssetsAccount(), r.AmountChf),
        DisbursementPaid p => Payment(p),
        // Goods in kind: revenue at fair value, consumed on receipt; services in kind are disclosed only (decision 0012).
        InKindContributionRecorded { Recognised: true } g => Pair(Accounts.GoodsInKindExpense, Accounts.GoodsInKindRevenue, g.ValueChf),
        InKindContributionReversed { Recognised: true } g => Pair(Accounts.GoodsInKindRevenue, Accounts.GoodsInKindExpense, g.ValueChf),
        _ => [],
    };

    // Paying turns the commitment into expense: the encumbrance goes back to the fund, the expense and the cash out are recorded.
    private static List<Posting> Payment(DisbursementPaid p) =>
    [
        .. p.Funding.SelectMany(f => f.Obligations is { } held
            // IPSAS 47: an eligible expense satisfies the obligation for the money that paid it, which becomes revenue.
            ? Pair(Accounts.ComplianceObligations(f.ContributionId), Accounts.ContributionRevenue(held.Source), f.AmountChf)
            : Pair(Accounts.Commitments(p.AllocationId), f.Earmark.NetAssetsAccount(), f.AmountChf)),
        .. Pair(Accounts.Disbursements(p.Use), Accounts.Cash, p.AmountChf),
    ];

    private static List<Posting> Agreement(AgreementSigned a) =>
    [
        new(Accounts.Receivable(a.DonorId), a.AmountChf, a.Amount),
        Chf(a is { Conditions.Count: > 0, Revenue: null } ? Accounts.DeferredRevenue : a.Earmark.NetAssetsAccount(), -a.AmountChf),
    ];

    // The change of the agreed total moves the receivable, and the revenue it was recognised as (or deferred to), by as much.
    private static List<Posting> Amendment(AgreementAmended a)
    {
        var lines = new List<Posting> { new(Accounts.Receivable(a.DonorId), a.ChangeChf, a.Change) };
        if (a.ToDeferredRevenueChf != 0) lines.Add(Chf(Accounts.DeferredRevenue, -a.ToDeferredRevenueChf));
        if (a.ToNetAssetsChf != 0) lines.Add(Chf(a.Earmark.NetAssetsAccount(), -a.ToNetAssetsChf));
        return a.ChangeChf == 0 ? [] : lines;
    }

    private static List<Posting> Receipt(ContributionReceived r)
    {
        if (r.Obligations is not null)
        {
            // Nothing was receivable (the agreement was not posted): the cash is owed to its purpose, PSC satisfies part of it.
            var held = Accounts.ComplianceObligations(r.ContributionId);
            return [new(Accounts.Cash, r.AmountChf, r.Amount), new(held, -r.AmountChf, r.Amount.Negate()),
                .. Pair(held, Accounts.ProgrammeSupportCostIncome, r.PscChf)];
        }

        var lines = new List<Posting>
        {
            new(Accounts.Cash, r.AmountChf, r.Amount),
            new(Accounts.Receivable(r.DonorId), -r.ReceivableReliefChf, r.Amount.Negate()),
        };
        if (r.ExchangeDifferenceChf > 0) lines.Add(Chf(Accounts.ExchangeGain, -r.ExchangeDifferenceChf));
        if (r.ExchangeDifferenceChf < 0) lines.Add(Chf(Accounts.ExchangeLoss, -r.ExchangeDifferenceChf));
        if (r.PscChf != 0) lines.AddRange(Pair(r.Earmark.NetAssetsAccount(), Accounts.ProgrammeSupportCostIncome, r.PscChf));
        return lines;
    }

    private static List<Posting> WriteOff(ContributionWrittenOff w)
    {
        var lines = new List<Posting> { new(Accounts.Receivable(w.DonorId), -w.AmountChf, w.Amount.Negate()) };
        if (w.FromDeferredRevenueChf != 0) lines.Add(Chf(Accounts.DeferredRevenue, w.FromDeferredRevenueChf));
        if (w.FromNetAssetsChf != 0) lines.Add(Chf(w.Earmark.NetAssetsAccount(), w.FromNetAssetsChf));
        return lines;
    }

    private static List<Posting> Pair(string debit, string credit, decimal amountChf) =>
        amountChf == 0 ? [] : [Chf(debit, amountChf), Chf(credit, -amountChf)];

    private static Posting Chf(string account, decimal amountChf) => new(account, amountChf, Money.Chf(amountChf));
}
