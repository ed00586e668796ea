using System.Collections.Immutable;

namespace BsgFunds.Domain;

/// <summary>Balances per account, folded from postings in event order; the one fold used both live and as of a past instant.</summary>
public sealed record TrialBalance(IReadOnlyDictionary<string, AccountBalance> Accounts, long LastSequence)
{
    public static readonly TrialBalance Empty = new(new Dictionary<string, AccountBalance>(), 0);

    public decimal TotalDebitsChf => Accounts.Values.Sum(a => a.DebitsChf);

    public decimal TotalCreditsChf => Accounts.Values.Sum(a => a.CreditsChf);

    public TrialBalance Post(IEnumerable<Posting> postings, long sequence)
    {
        // Persistent map: a posting touches two or three accounts, so it copies those, not the whole chart (which grows
        // with donors and allocations). A book read back from storage is converted once, then folded on cheaply.
        var accounts = Accounts as ImmutableDictionary<string, AccountBalance> ?? Accounts.ToImmutableDictionary(StringComparer.Ordinal);
        foreach (var p in postings)
        {
            var current = accounts.TryGetValue(p.Account, out var found)
                ? found
                : new AccountBalance(p.Account, 0m, 0m, new Dictionary<string, decimal>());
            var originals = current.OriginalByCurrency.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
            originals[p.Original.Currency] = originals.GetValueOrDefault(p.Original.Currency) + p.Original.Amount;
            accounts = accounts.SetItem(p.Account, current with
            {
                DebitsChf = current.DebitsChf + Math.Max(p.AmountChf, 0m),
                CreditsChf = current.CreditsChf + Math.Max(-p.AmountChf, 0m),
                OriginalByCurrency = originals,
            });
        }

        return new TrialBalance(accounts, Math.Max(LastSequence, sequence));
    }
}
