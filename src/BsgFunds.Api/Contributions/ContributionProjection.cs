using BsgFunds.Domain.Contributions;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Contributions;

/// <summary>
/// Keeps each contribution's state (inline) with the one fold the decisions use, <see cref="ContributionFold.Apply"/>. It takes
/// every contribution event (<see cref="IContributionEvent"/>), so a new event needs no line here.
/// </summary>
public sealed partial class ContributionProjection : SingleStreamProjection<Contribution, Guid>
{
    public static Contribution Create(ContributionPledged pledged) => Contribution.Create(pledged);

    public static Contribution Apply(IContributionEvent e, Contribution state) => ContributionFold.Apply(state, e);
}
