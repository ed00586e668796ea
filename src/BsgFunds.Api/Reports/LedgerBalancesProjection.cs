using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten.Events.Projections;

namespace BsgFunds.Api.Reports;

public sealed partial class LedgerBalancesProjection : MultiStreamProjection<LedgerBalances, string>
{
    public LedgerBalancesProjection()
    {
        Identity<AgreementSigned>(_ => LedgerBalances.LedgerId);
        Identity<AgreementAmended>(_ => LedgerBalances.LedgerId);
        Identity<ConditionSatisfied>(_ => LedgerBalances.LedgerId);
        Identity<ContributionReceived>(_ => LedgerBalances.LedgerId);
        Identity<ContributionWrittenOff>(_ => LedgerBalances.LedgerId);
        Identity<ContributionRefunded>(_ => LedgerBalances.LedgerId);
        Identity<ContributionEventReversed>(_ => LedgerBalances.LedgerId);
        Identity<FundsCommitted>(_ => LedgerBalances.LedgerId);
        Identity<CommitmentReleased>(_ => LedgerBalances.LedgerId);
        Identity<DisbursementPaid>(_ => LedgerBalances.LedgerId);
    }

    public static LedgerBalances Apply(IEvent<AgreementSigned> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<AgreementAmended> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<ConditionSatisfied> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<ContributionReceived> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<ContributionWrittenOff> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<ContributionRefunded> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<ContributionEventReversed> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<FundsCommitted> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<CommitmentReleased> e, LedgerBalances ledger) => Post(e, ledger);

    public static LedgerBalances Apply(IEvent<DisbursementPaid> e, LedgerBalances ledger) => Post(e, ledger);

    private static LedgerBalances Post(IEvent e, LedgerBalances ledger)
    {
        ledger.Balance = ledger.Balance.Post(Postings.For(e.Data), e.Sequence);
        return ledger;
    }
}
