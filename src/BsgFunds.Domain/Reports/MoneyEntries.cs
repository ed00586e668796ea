using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// Receipts, write-offs, refunds and their reversals, entry by entry. The report book folds them into daily totals
/// (<see cref="ContributionFacts.Add"/>); statements and the IATI file list them, folded from the contributions'
/// events up to the book's sequence. One conversion serves both, so the lists always add up to the book's totals.
/// A correction is a negative entry on its own date, pointing at the sequence it reverses.
/// </summary>
public sealed class MoneyEntries
{
    public enum Kind
    {
        Receipt,
        WriteOff,
        Refund,
    }

    private readonly Dictionary<Guid, ContributionEntries> byContribution = [];

    public ContributionEntries For(Guid contributionId) => byContribution.GetValueOrDefault(contributionId) ?? ContributionEntries.None;

    public void Add(Guid contributionId, Kind kind, MoneyEntry entry)
    {
        if (!byContribution.TryGetValue(contributionId, out var list)) byContribution[contributionId] = list = new ContributionEntries();
        (kind switch { Kind.Receipt => list.Receipts, Kind.WriteOff => list.WriteOffs, _ => list.Refunds }).Add(entry);
    }

    /// <summary>The money entries one stored event makes (none for events that move no contribution money).</summary>
    public static IEnumerable<(Guid ContributionId, Kind Kind, MoneyEntry Entry)> Of(object data, long sequence)
    {
        switch (data)
        {
            case ContributionReceived r: yield return (r.ContributionId, Kind.Receipt, Receipt(r, sequence, 1, r.ValueDate)); break;
            case ContributionWrittenOff w: yield return (w.ContributionId, Kind.WriteOff, WriteOff(w, sequence, 1, w.On)); break;
            case ContributionRefunded f: yield return (f.ContributionId, Kind.Refund, Refund(f, sequence, 1, f.On)); break;
            case ContributionEventReversed v:
                if (v.Receipt is { } receipt) yield return (v.ContributionId, Kind.Receipt, Receipt(receipt, sequence, -1, v.On, v.ReversedSequence));
                if (v.WriteOff is { } writeOff) yield return (v.ContributionId, Kind.WriteOff, WriteOff(writeOff, sequence, -1, v.On,
                    v.ReversedSequence));
                if (v.Refund is { } refund) yield return (v.ContributionId, Kind.Refund, Refund(refund, sequence, -1, v.On, v.ReversedSequence));
                break;
        }
    }

    private static MoneyEntry Receipt(ContributionReceived r, long sequence, int sign, DateOnly on, long? reverses = null) => new()
    {
        Sequence = sequence, On = on, Amount = sign > 0 ? r.Amount : r.Amount.Negate(), RateToChf = r.RateToChf, AmountChf = sign * r.AmountChf,
        PscChf = sign * r.PscChf, ExchangeDifferenceChf = sign * r.ExchangeDifferenceChf, Reference = r.BankReference, Reverses = reverses,
    };

    private static MoneyEntry WriteOff(ContributionWrittenOff w, long sequence, int sign, DateOnly on, long? reverses = null) => new()
    {
        Sequence = sequence, On = on, Amount = sign > 0 ? w.Amount : w.Amount.Negate(), AmountChf = sign * w.AmountChf, Reference = w.Reason,
            Reverses = reverses,
    };

    private static MoneyEntry Refund(ContributionRefunded f, long sequence, int sign, DateOnly on, long? reverses = null) => new()
    {
        Sequence = sequence, On = on, Amount = Money.Chf(sign * f.AmountChf), RateToChf = 1m, AmountChf = sign * f.AmountChf,
            Reference = f.DonorConsentReference, Reverses = reverses,
    };
}
