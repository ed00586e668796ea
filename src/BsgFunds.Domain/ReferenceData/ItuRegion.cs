namespace BsgFunds.Domain.ReferenceData;

/// <summary>The six ITU-D regions by which BDT reports (domain.md §7).</summary>
public enum ItuRegion
{
    Africa,
    Americas,
    ArabStates,
    AsiaPacific,
    Cis,
    Europe,
}
