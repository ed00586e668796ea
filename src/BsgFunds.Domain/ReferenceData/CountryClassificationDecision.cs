namespace BsgFunds.Domain.ReferenceData;

/// <summary>The decision to record a classification change: pure, so that it can be tested without a database.</summary>
public static class CountryClassificationDecision
{
    public static Decision<CountryClassificationRecorded> Record(
        string countryCode, CountryGroup group, DateOnly from, DateOnly? to, string? source, string recordedBy, DateTimeOffset now)
    {
        if (!CountryCatalogue.TryFind(countryCode, out var country))
            return Decision.Refuse<CountryClassificationRecorded>(Refusal.NotFound("country-not-found",
                $"No country has the ISO 3166 code '{countryCode}'."));
        if (to is { } end && end <= from)
            return Decision.Refuse<CountryClassificationRecorded>(Refusal.Invalid("classification-period-invalid",
                "'to' (the day membership ends) must come after 'from'.",
                "to"));

        return Decision.Accept(new CountryClassificationRecorded(
            StreamIds.Country(country.Code), country.Code, group, from, to, string.IsNullOrWhiteSpace(source) ? null : source.Trim(), recordedBy,
                now));
    }
}
