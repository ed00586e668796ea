using BsgFunds.Domain.Contributions;
using JasperFx.Events;

namespace BsgFunds.Api.Contributions;

public sealed record ContributionView(
    Guid Id,
    Guid DonorId,
    FundingSource Source,
    ContributionStatus Status,
    Earmark Earmark,
    Money Pledged,
    DateOnly PledgedOn,
    AgreementView? Agreement,
    Money? Agreed,
    decimal AgreedChf,
    Money Received,
    decimal ReceivedChf,
    Money Receivable,
    decimal ReceivableChf,
    decimal PscChf,
    decimal ExchangeDifferenceChf,
    Money WrittenOff,
    decimal WrittenOffChf,
    decimal RefundedChf,
    decimal DeferredRevenueChf,
    decimal AvailableChf,
    decimal CommittedChf,
    decimal BalanceChf,
    long? Version,
    IReadOnlyList<MoneyEventView>? MoneyEvents,
    WithdrawalView? Withdrawal)
{
    public static ContributionView Of(Contribution c, long? version, IReadOnlyList<IEvent>? stream = null)
    {
        var currency = c.Currency;
        var agreement = c.Agreement is { } a
            ? new AgreementView(a.Reference, a.SignedOn, a.Amount, a.RateToChf, a.RateMonth, a.RateSource, a.AmountChf, a.PscRatePercent,
                a.Instalments,
                a.Conditions.Select(k => c.SatisfiedConditions.FirstOrDefault(s => s.Number == k.Number) is { } s
                    ? new ConditionView(k.Number, k.Description, s.On, s.RevenueReleasedChf)
                    : new ConditionView(k.Number, k.Description, null, null)).ToList(),
                (c.Amendments ?? []).Select(m => new AmendmentView(m.Reference, m.SignedOn, m.Reason, m.Amount, m.Change, m.ChangeChf,
                    m.RecordedAt)).ToList(),
                a.Revenue is null ? "IPSAS 23" : "IPSAS 47", a.Revenue?.ComplianceObligations ?? false)
            : null;
        return new ContributionView(
            c.Id, c.DonorId, c.Source, c.Status, c.Earmark, c.Pledged, c.PledgedOn, agreement,
            c.Agreement?.Amount, c.Agreement?.AmountChf ?? 0m,
            Money.Of(c.ReceivedOriginal, currency), c.ReceivedChf,
            Money.Of(c.ReceivableOriginal, currency), c.ReceivableChf,
            c.PscChf, c.ExchangeDifferenceChf,
            Money.Of(c.WrittenOffOriginal, currency), c.WrittenOffChf,
            c.RefundedChf, c.DeferredRevenueChf, c.AvailableChf, c.CommittedChf, c.AvailableChf, version,
            stream is null ? null : MoneyEventsOf(stream),
            c.Withdrawal is { } w ? new WithdrawalView(w.On, w.Reason, w.RecordedBy, w.RecordedAt) : null);
    }

    private static List<MoneyEventView> MoneyEventsOf(IReadOnlyList<IEvent> stream)
    {
        var reversedBy = stream.Where(e => e.Data is ContributionEventReversed)
            .ToDictionary(e => ((ContributionEventReversed)e.Data).ReversedSequence, e => e.Sequence);
        return stream.Select(e => e.Data switch
            {
                ContributionReceived r => new MoneyEventView(e.Sequence, e.Id, "Receipt", r.ValueDate, r.Amount, r.AmountChf, r.BankReference, null,
                    Lookup(reversedBy, e.Sequence), r.RecordedAt),
                ContributionWrittenOff w => new MoneyEventView(e.Sequence, e.Id, "WriteOff", w.On, w.Amount, w.AmountChf, null, null,
                    Lookup(reversedBy, e.Sequence), w.RecordedAt),
                ContributionRefunded f => new MoneyEventView(e.Sequence, e.Id, "Refund", f.On, Money.Chf(f.AmountChf), f.AmountChf, null, null,
                    Lookup(reversedBy, e.Sequence), f.RecordedAt),
                ContributionEventReversed v => new MoneyEventView(e.Sequence, e.Id, "Reversal", v.On, null,
                    v.Receipt?.AmountChf ?? v.WriteOff?.AmountChf ?? v.Refund?.AmountChf ?? 0m, null, v.ReversedSequence, null, v.RecordedAt),
                _ => null,
            })
            .OfType<MoneyEventView>()
            .ToList();
    }

    private static long? Lookup(Dictionary<long, long> reversedBy, long sequence) => reversedBy.TryGetValue(sequence, out var by) ? by : null;
}
