using BsgFunds.Domain.Audit;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.Audit;

public sealed partial class PeriodProjection : SingleStreamProjection<Period, Guid>
{
    public static Period Create(PeriodCloseRequested e) => Period.Create(e);

    public static Period Apply(PeriodClosed e, Period p) => p.Apply(e);
}
