namespace BsgFunds.Domain.Contributions;

/// <summary>IATI earmarking categories (domain.md §2).</summary>
public enum EarmarkCategory
{
    Unearmarked,
    SoftlyEarmarked,
    Earmarked,
    TightlyEarmarked,
}
