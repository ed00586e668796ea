using BsgFunds.Domain.Spending;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Allocations;

public sealed partial class DelegationProjection : SingleStreamProjection<Delegation, Guid>
{
    public static Delegation Create(DelegationGranted e) => Delegation.Create(e);
}
