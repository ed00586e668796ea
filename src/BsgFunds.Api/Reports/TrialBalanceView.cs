using System.Globalization;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

public sealed record TrialBalanceView(
    DateTimeOffset AsOf, long LastSequence, IReadOnlyList<AccountLine> Accounts, decimal TotalDebitsChf, decimal TotalCreditsChf, bool Balanced)
    : IReport<TrialBalanceRow>
{
    public IEnumerable<TrialBalanceRow> Rows() => Accounts.Select(a => new TrialBalanceRow
    {
        Account = a.Account,
        DebitsChf = a.DebitsChf,
        CreditsChf = a.CreditsChf,
        BalanceChf = a.BalanceChf,
        BalanceByCurrency = ByCurrency(a.BalanceByCurrency),
    });

    private static string ByCurrency(IReadOnlyDictionary<string, decimal> balances) => string.Join(
        ';', balances.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {b.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static TrialBalanceView Of(TrialBalance balance, DateTimeOffset asOf) => new(
        asOf,
        balance.LastSequence,
        balance.Accounts.Values.OrderBy(a => a.Account, StringComparer.Ordinal)
            .Select(a => new AccountLine(a.Account, a.DebitsChf, a.CreditsChf, a.BalanceChf,
                a.OriginalByCurrency.Where(o => o.Value != 0).ToDictionary()))
            .ToList(),
        balance.TotalDebitsChf,
        balance.TotalCreditsChf,
        balance.TotalDebitsChf == balance.TotalCreditsChf);
}
