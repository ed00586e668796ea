using System.Globalization;
using System.Text;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.InKind;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Audit;

/// <summary>
/// The ledger as a plain-text double-entry journal that hledger and ledger-cli both accept in their strict modes
/// (docs/audit.md): commodity and account declarations, the rates postings used as CHF prices, and one transaction per
/// money event (its sequence as the transaction code), dated by the event's business date, in CHF with the original amount
/// noted on each line as a comment.
/// </summary>
public static class Journal
{
    public static DateOnly? BusinessDate(object data) => data switch
    {
        AgreementSigned a => a.SignedOn,
        AgreementAmended a => a.SignedOn,
        ConditionSatisfied c => c.On,
        ContributionReceived r => r.ValueDate,
        ContributionWrittenOff w => w.On,
        ContributionRefunded f => f.On,
        ContributionEventReversed v => v.On,
        FundsCommitted c => Bounds.Today(c.At),
        CommitmentReleased r => Bounds.Today(r.At),
        DisbursementPaid p => p.PaidOn,
        InKindContributionRecorded k => k.To,
        InKindContributionReversed k => k.ReversedOn,
        _ => null,
    };

    /// <summary>
    /// The rate a posting valued foreign money at, as a price on its business date: every rate the ledger used is in the
    /// journal, including override rates and rates later corrected in the table (an unused rate values nothing and is left out).
    /// </summary>
    private static (string Currency, decimal Rate)? RateUsed(object data) => data switch
    {
        AgreementSigned a when a.Amount.Currency != Currency.ReportingCode => (a.Amount.Currency, a.RateToChf),
        AgreementAmended a when a.Amount.Currency != Currency.ReportingCode => (a.Amount.Currency, a.RateToChf),
        ContributionReceived r when r.Amount.Currency != Currency.ReportingCode => (r.Amount.Currency, r.RateToChf),
        ContributionEventReversed { Receipt: { } r } when r.Amount.Currency != Currency.ReportingCode => (r.Amount.Currency, r.RateToChf),
        _ => null,
    };

    public static string Write(int year, IEnumerable<(long Sequence, object Data)> events)
    {
        var transactions = new List<(DateOnly Date, long Sequence, object Data, IReadOnlyList<Posting> Lines)>();
        var prices = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        long last = 0;
        foreach (var (sequence, data) in events)
        {
            last = Math.Max(last, sequence);
            var lines = Postings.For(data);
            if (lines.Count == 0 || BusinessDate(data) is not { } date || date.Year != year) continue;
            transactions.Add((date, sequence, data, lines));
            if (RateUsed(data) is not { } used) continue;
            prices[$"{date:yyyy-MM-dd}|{used.Currency}|{used.Rate.ToString(CultureInfo.InvariantCulture)}"] = used.Rate;
        }

        var accounts = transactions.SelectMany(t => t.Lines).Select(l => l.Account).Distinct().Order(StringComparer.Ordinal).ToList();
        var currencies = prices.Keys.Select(k => k.Split('|')[1]).Append(Currency.ReportingCode).Distinct().Order(StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"; BsgFunds general ledger for {year}, built from the events through sequence {last}.");
        text.AppendLine("; Amounts in CHF; each line notes the amount in the currency the money moved in.");
        text.AppendLine();
        foreach (var c in currencies) AppendCommodity(text, c);
        text.AppendLine();
        foreach (var a in accounts) text.AppendLine(CultureInfo.InvariantCulture, $"account {a}");
        text.AppendLine();
        foreach (var (key, rate) in prices)
        {
            var parts = key.Split('|');
            text.AppendLine(CultureInfo.InvariantCulture, $"P {parts[0]} {parts[1]} {rate.ToString(CultureInfo.InvariantCulture)} CHF");
        }

        foreach (var (date, sequence, data, lines) in transactions.OrderBy(t => t.Date).ThenBy(t => t.Sequence))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} * ({sequence}) {data.GetType().Name}");
            foreach (var line in lines)
            {
                var amount = line.AmountChf.ToString("0.00", CultureInfo.InvariantCulture);
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"    {line.Account}    {amount} CHF  ; {line.Original.Currency} {line.Original.Amount.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Declares a commodity in the one form both tools read: hledger also takes <c>commodity 1000.00 CHF</c>, but ledger-cli
    /// reads that as a commodity named "1000.00 CHF" and then, with --pedantic, refuses every CHF amount as unknown. The
    /// format has no digit-group mark so that neither tool can read a group mark as a decimal mark.
    /// </summary>
    private static void AppendCommodity(StringBuilder text, string code)
    {
        var decimals = Currency.TryFind(code, out var currency) ? Math.Max(currency.MinorUnit, 2) : 2;
        text.AppendLine(CultureInfo.InvariantCulture, $"commodity {code}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    format 1000.{new string('0', decimals)} {code}");
    }
}
