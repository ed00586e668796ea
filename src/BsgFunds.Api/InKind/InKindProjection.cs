using BsgFunds.Domain.InKind;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.InKind;

/// <summary>Keeps each contribution in kind (inline, one small document per record), for the decisions and the lists.</summary>
public sealed partial class InKindProjection : SingleStreamProjection<InKindContribution, Guid>
{
    public static InKindContribution Create(InKindContributionRecorded e) => InKindContribution.Create(e);

    public static InKindContribution Apply(InKindContributionReversed e, InKindContribution state) => InKindContribution.Apply(state, e);
}
