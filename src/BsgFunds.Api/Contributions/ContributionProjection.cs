using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Contributions;

public sealed partial class ContributionProjection : SingleStreamProjection<Contribution, Guid>
{
    public static Contribution Create(ContributionPledged pledged) => Contribution.Create(pledged);

    public static Contribution Apply(AgreementSigned e, Contribution state) => state.Apply(e);

    public static Contribution Apply(PledgeWithdrawn e, Contribution state) => state.Apply(e);

    public static Contribution Apply(AgreementAmended e, Contribution state) => state.Apply(e);

    public static Contribution Apply(ConditionSatisfied e, Contribution state) => state.Apply(e);

    public static Contribution Apply(ContributionReceived e, Contribution state) => state.Apply(e);

    public static Contribution Apply(ContributionWrittenOff e, Contribution state) => state.Apply(e);

    public static Contribution Apply(ContributionRefunded e, Contribution state) => state.Apply(e);

    public static Contribution Apply(ContributionEventReversed e, Contribution state) => state.Apply(e);

    public static Contribution Apply(FundsCommitted e, Contribution state) => state.Apply(e);

    public static Contribution Apply(CommitmentReleased e, Contribution state) => state.Apply(e);
}
