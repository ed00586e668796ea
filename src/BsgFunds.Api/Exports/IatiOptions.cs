using BsgFunds.Domain.Exports;

namespace BsgFunds.Api.Exports;

/// <summary>Configuration section "Iati": who publishes the file (defaults to ITU's IATI organisation identifier).</summary>
public sealed class IatiOptions
{
    public string OrganisationRef { get; set; } = IatiPublisher.Itu.OrganisationRef;
    public string OrganisationName { get; set; } = IatiPublisher.Itu.OrganisationName;
    public int GenderSignificance { get; set; } = IatiPublisher.Itu.GenderSignificance;
    public string RegionVocabularyUri { get; set; } = IatiPublisher.Itu.RegionVocabularyUri;

    public IatiPublisher Publisher => new(OrganisationRef, OrganisationName, GenderSignificance, RegionVocabularyUri);
}
