using JasperFx.Events;
using Marten.Events.Projections;

namespace BsgFunds.Api.Reports;

/// <summary>
/// The present-day trial balance: every ledger event (<see cref="ILedgerEvent"/>) posted with <see cref="Postings.For"/>, one
/// at a time in sequence order by the async daemon. It names no event type, so a new ledger event needs no line here.
/// </summary>
public sealed partial class LedgerBalancesProjection : MultiStreamProjection<LedgerBalances, string>
{
    public LedgerBalancesProjection()
    {
        Identity<ILedgerEvent>(_ => LedgerBalances.LedgerId);
        // The concrete types, so that a rebuild reads only these events (an interface alone would make it read them all).
        foreach (var type in FundEvents.Implementing<ILedgerEvent>()) IncludeType(type);
    }

    public static LedgerBalances Apply(IEvent<ILedgerEvent> e, LedgerBalances ledger)
    {
        ledger.Balance = ledger.Balance.Post(Postings.For(e.Data), e.Sequence);
        return ledger;
    }
}
