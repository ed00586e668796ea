namespace BsgFunds.Domain.Contributions;

/// <summary>The Programme 4 (a) funding sources of Resolution 44's Annex.</summary>
public enum FundingSource
{
    Partnership,
    ItuAdditionalBudget,
    DevelopedCountryVoluntary,
    PrivateSectorVoluntary,
    OtherVoluntary,
}
