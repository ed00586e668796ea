namespace BsgFunds.Domain.Exports;

/// <summary>Who publishes the file, and the choices IATI leaves to the publisher (docs/iati.md).</summary>
public sealed record IatiPublisher(string OrganisationRef, string OrganisationName, int GenderSignificance, string RegionVocabularyUri)
{
    public static readonly IatiPublisher Itu = new(
        "XM-DAC-41303", "International Telecommunication Union (ITU)", 1, "https://www.itu.int/en/ITU-D/Regional-Presence/Pages/default.aspx");
}
