namespace BsgFunds.Domain.Reports;

/// <summary>
/// One CSV row of the receivables report: an instalment outstanding (<c>Instalment</c>), or beside them a pledge outstanding
/// (<c>Pledge</c>: its amount is the pledge, aged in days since it was made, with no reference or due date).
/// </summary>
public sealed record ReceivableRow(
    Guid DonorId, string DonorName, Guid ContributionId, string? Reference, DateOnly? DueOn, decimal InstalmentAmount, string Currency,
    decimal OutstandingAmount, decimal? OutstandingChf, int DaysOverdue, string AgeBucket, string Line, DateOnly? PledgedOn);
