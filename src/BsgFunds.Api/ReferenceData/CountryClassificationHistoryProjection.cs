using BsgFunds.Domain.ReferenceData;
using Marten.Events.Aggregation;

namespace BsgFunds.Api.ReferenceData;

// The state and its Create/Apply live in the pure domain project; this thin projection lets Marten's source
// generator (which runs only where Marten is referenced) dispatch to them.
public sealed partial class CountryClassificationHistoryProjection : SingleStreamProjection<CountryClassificationHistory, Guid>
{
    public static CountryClassificationHistory Create(CountryClassificationRecorded recorded) => CountryClassificationHistory.Create(recorded);

    public static CountryClassificationHistory Apply(CountryClassificationRecorded recorded, CountryClassificationHistory history) =>
        CountryClassificationHistory.Apply(history, recorded);
}
