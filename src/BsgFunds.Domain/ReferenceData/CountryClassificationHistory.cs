namespace BsgFunds.Domain.ReferenceData;

/// <summary>The changes recorded for one country, in order; one stream per country.</summary>
public sealed record CountryClassificationHistory(Guid Id, string CountryCode, IReadOnlyList<CountryClassificationRecorded> Changes)
{
    public static CountryClassificationHistory Create(CountryClassificationRecorded recorded) =>
        new(recorded.CountryId, recorded.CountryCode, [recorded]);

    public static CountryClassificationHistory Apply(CountryClassificationHistory history, CountryClassificationRecorded recorded) =>
        history with { Changes = [.. history.Changes, recorded] };
}
