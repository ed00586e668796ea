using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace BsgFunds.Api.Allocations;

public sealed partial class DelegationProjection : SingleStreamProjection<Delegation, Guid>
{
    public static Delegation Create(DelegationGranted e) => Delegation.Create(e);
}
