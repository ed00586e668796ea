namespace BsgFunds.TestSupport;

/// <summary>A signed agreement for the whole pledged amount in one instalment; without a PSC rate the API's default applies.</summary>
public sealed record AgreementTerms(string Reference, DateOnly SignedOn, DateOnly DueOn, decimal? PscRatePercent = null);
