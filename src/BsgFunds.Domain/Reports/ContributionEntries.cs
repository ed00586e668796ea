namespace BsgFunds.Domain.Reports;

/// <summary>A contribution's money entries, one per event, as the reports that list them need them.</summary>
public sealed class ContributionEntries
{
    public static readonly ContributionEntries None = new();

    public List<MoneyEntry> Receipts { get; } = [];
    public List<MoneyEntry> WriteOffs { get; } = [];
    public List<MoneyEntry> Refunds { get; } = [];
}
