using BsgFunds.Domain.Contributions;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// Keeps each contribution's state (inline) with the one fold the decisions use, <see cref="ContributionFold.Apply"/>. It takes
/// every contribution event (<see cref="IContributionEvent"/>), so a new event needs no line here.
/// </summary>
public sealed partial class ContributionProjection : SingleStreamProjection<Contribution, Guid>
{
    // The concrete types, so that a rebuild reads only these events (an interface alone would make it read them all).
    public ContributionProjection()
    {
        foreach (var type in FundEvents.Implementing<IContributionEvent>()) IncludeType(type);
    }

    public static Contribution Create(ContributionPledged pledged) => Contribution.Create(pledged);

    public static Contribution Apply(IContributionEvent e, Contribution state) => ContributionFold.Apply(state, e);
}
