namespace BsgFunds.Domain.Reports;

/// <summary>One CSV row of the participation report: the payments of a year to one kind of beneficiary, by one key of one dimension.</summary>
public sealed record ParticipationRow
{
    public required int Year { get; init; }
    public required string Beneficiaries { get; init; }
    public required string Dimension { get; init; }
    public required string Key { get; init; }
    public required int Count { get; init; }
    public required decimal AmountChf { get; init; }
}
