using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Contributions;

/// <summary>One contribution's state, folded from its stream. All CHF figures are exact to the centime.</summary>
public sealed record Contribution(
    Guid Id,
    Guid DonorId,
    FundingSource Source,
    Money Pledged,
    DateOnly PledgedOn,
    Earmark Earmark,
    AgreementSigned? Agreement,
    IReadOnlyList<ConditionSatisfied> SatisfiedConditions,
    decimal ReceivedOriginal,
    decimal ReceivedChf,
    decimal ReceivableReliefChf,
    decimal ExchangeDifferenceChf,
    decimal PscChf,
    decimal WrittenOffOriginal,
    decimal WrittenOffChf,
    decimal DeferredWrittenOffChf,
    decimal RefundedChf,
    decimal CommittedChf,
    IReadOnlyList<ReceiptDay> ReceiptDays,
    IReadOnlyList<long> ReversedSequences)
{
    public PledgeWithdrawn? Withdrawal { get; init; }

    /// <summary>The amendments of the agreement in order; <see cref="Agreement"/> holds the terms in force after them.</summary>
    public IReadOnlyList<AgreementAmended> Amendments { get; init; } = [];

    /// <summary>What reductions of a conditional agreement took from net assets because deferred revenue did not cover them.</summary>
    public decimal AmendedNetAssetsChf { get; init; }

    public static Contribution Create(ContributionPledged pledged) => new(
        pledged.ContributionId, pledged.DonorId, pledged.Source, pledged.Amount, pledged.PledgedOn, pledged.Earmark,
        null, [], 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, [], []);

    public Contribution Apply(AgreementSigned signed) => this with { Agreement = signed, Earmark = signed.Earmark };

    public Contribution Apply(PledgeWithdrawn withdrawn) => this with { Withdrawal = withdrawn };

    public Contribution Apply(AgreementAmended amended) => this with
    {
        Agreement = Agreement! with { Amount = amended.Amount, AmountChf = amended.AmountChf, Instalments = amended.Instalments },
        Amendments = [.. Amendments ?? [], amended],
        AmendedNetAssetsChf = AmendedNetAssetsChf + (IsConditional ? amended.ToNetAssetsChf : 0m),
    };

    public Contribution Apply(ConditionSatisfied satisfied) => this with { SatisfiedConditions = [.. SatisfiedConditions, satisfied] };

    // The state keeps counts per value date, not every receipt, so that it stays small however many receipts arrive;
    // bank references are checked against the stored events (ContributionDecisions.RecordReceipt).
    public Contribution Apply(ContributionReceived r) => Receive(r, +1) with { ReceiptDays = Count(ReceiptDays, r.ValueDate, +1) };

    public Contribution Apply(FundsCommitted c) => this with { CommittedChf = CommittedChf + c.AmountChf };

    public Contribution Apply(CommitmentReleased r) => this with { CommittedChf = CommittedChf - r.AmountChf };

    public DateOnly? OldestReceiptOn => (ReceiptDays ?? []).Where(d => d.Count > 0).Select(d => (DateOnly?)d.ValueDate).Min();

    // A document stored before receipt days existed has none (null); it is complete again once the projection is
    // rebuilt (decision 0006), and until then counting starts from empty instead of failing.
    private static List<ReceiptDay> Count(IReadOnlyList<ReceiptDay>? days, DateOnly valueDate, int change)
    {
        days ??= [];
        var count = (days.FirstOrDefault(d => d.ValueDate == valueDate)?.Count ?? 0) + change;
        var others = days.Where(d => d.ValueDate != valueDate);
        return (count > 0 ? others.Append(new ReceiptDay(valueDate, count)) : others).OrderBy(d => d.ValueDate).ToList();
    }

    public Contribution Apply(ContributionWrittenOff w) => WriteOff(w, +1);

    public Contribution Apply(ContributionRefunded f) => this with { RefundedChf = RefundedChf + f.AmountChf };

    public Contribution Apply(ContributionEventReversed reversed)
    {
        var state = this with { ReversedSequences = [.. ReversedSequences, reversed.ReversedSequence] };
        if (reversed.Receipt is { } r) state = state.Receive(r, -1) with { ReceiptDays = Count(state.ReceiptDays, r.ValueDate, -1) };
        if (reversed.WriteOff is { } w) state = state.WriteOff(w, -1);
        if (reversed.Refund is { } f) state = state with { RefundedChf = state.RefundedChf - f.AmountChf };
        return state;
    }

    private Contribution Receive(ContributionReceived r, int sign) => this with
    {
        ReceivedOriginal = ReceivedOriginal + (sign * r.Amount.Amount),
        ReceivedChf = ReceivedChf + (sign * r.AmountChf),
        ReceivableReliefChf = ReceivableReliefChf + (sign * r.ReceivableReliefChf),
        ExchangeDifferenceChf = ExchangeDifferenceChf + (sign * r.ExchangeDifferenceChf),
        PscChf = PscChf + (sign * r.PscChf),
    };

    private Contribution WriteOff(ContributionWrittenOff w, int sign) => this with
    {
        WrittenOffOriginal = WrittenOffOriginal + (sign * w.Amount.Amount),
        WrittenOffChf = WrittenOffChf + (sign * w.AmountChf),
        DeferredWrittenOffChf = DeferredWrittenOffChf + (sign * w.FromDeferredRevenueChf),
    };

    public string Currency => Agreement?.Amount.Currency ?? Pledged.Currency;

    /// <summary>Whether revenue waits for conditions (IPSAS 23 deferral): only agreements signed before IPSAS 47 applies.</summary>
    public bool IsConditional => Agreement is { Conditions.Count: > 0, Revenue: null };

    /// <summary>The treatment every money event of this contribution carries (null: none, IPSAS 23 or no compliance obligations).</summary>
    public ComplianceObligations? Obligations => Agreement?.Revenue?.Stamp();

    /// <summary>What the donor still owes, in the agreement's currency.</summary>
    public decimal ReceivableOriginal =>
        Agreement is null ? 0m : ContributionRules.ReceivableOriginal(Agreement.Amount.Amount, ReceivedOriginal, WrittenOffOriginal);

    /// <summary>The receivable's carrying amount, valued at the agreement's rate.</summary>
    public decimal ReceivableChf =>
        Agreement is null ? 0m : ContributionRules.ReceivableChf(Agreement.AmountChf, ReceivableReliefChf, WrittenOffChf);

    public decimal RevenueReleasedChf => SatisfiedConditions.Sum(c => c.RevenueReleasedChf);

    /// <summary>Revenue not yet recognised because conditions are outstanding (IPSAS 23).</summary>
    public decimal DeferredRevenueChf => IsConditional ? Agreement!.AmountChf - RevenueReleasedChf - DeferredWrittenOffChf - AmendedNetAssetsChf : 0m;

    /// <summary>Cash received less PSC, refunds and commitments: what can still be committed or refunded (domain.md §2.4).</summary>
    public decimal AvailableChf => ContributionRules.AvailableChf(ReceivedChf, PscChf, RefundedChf, CommittedChf);

    public ContributionStatus Status =>
        ContributionRules.Status(
            Withdrawal is not null, Agreement is not null, ReceivableOriginal, AvailableChf, ReceivedOriginal, WrittenOffOriginal);
}
