namespace BsgFunds.Domain.Reports;

/// <summary>
/// One CSV row of the receivables report: an instalment outstanding (<c>Instalment</c>), or beside them a pledge outstanding
/// (<c>Pledge</c>: its amount is the pledge, aged in days since it was made, with no reference or due date).
/// </summary>
public sealed record ReceivableRow
{
    public required Guid DonorId { get; init; }
    public required string DonorName { get; init; }
    public required Guid ContributionId { get; init; }
    public string? Reference { get; init; }
    public DateOnly? DueOn { get; init; }
    public required decimal InstalmentAmount { get; init; }
    public required string Currency { get; init; }
    public required decimal OutstandingAmount { get; init; }
    public decimal? OutstandingChf { get; init; }
    public required int DaysOverdue { get; init; }
    public required string AgeBucket { get; init; }
    public required string Line { get; init; }
    public DateOnly? PledgedOn { get; init; }
}
