using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Contributions;

public static class ContributionFold
{
    /// <summary>Applies any event of a contribution's stream; the projection and the endpoints fold with this one function.</summary>
    public static Contribution Apply(Contribution state, object @event) => @event switch
    {
        AgreementSigned e => state.Apply(e),
        PledgeWithdrawn e => state.Apply(e),
        AgreementAmended e => state.Apply(e),
        ConditionSatisfied e => state.Apply(e),
        ContributionReceived e => state.Apply(e),
        ContributionWrittenOff e => state.Apply(e),
        ContributionRefunded e => state.Apply(e),
        ContributionEventReversed e => state.Apply(e),
        FundsCommitted e => state.Apply(e),
        CommitmentReleased e => state.Apply(e),
        _ => state,
    };
}
