namespace BsgFunds.Domain.Reports;

/// <summary>
/// A line of a donor statement's CSV. <c>Reference</c> is the agreement's reference on a contribution's line and the
/// bank reference on a receipt's. A line sets only the fields it has; the others stay empty cells.
/// </summary>
public sealed record DonorStatementRow
{
    public required Guid DonorId { get; init; }
    public required string DonorName { get; init; }
    public required Guid ContributionId { get; init; }
    public required string Line { get; init; }
    public DateOnly? On { get; init; }
    public string? Reference { get; init; }
    public required decimal AmountChf { get; init; }
    public decimal? AmountOriginal { get; init; }
    public string? Currency { get; init; }
    public decimal? RateToChf { get; init; }
    public decimal? PscChf { get; init; }
    public decimal? ExchangeDifferenceChf { get; init; }
    public int? Programme { get; init; }
    public string? Use { get; init; }
    public string? Region { get; init; }
    public decimal? OpeningBalanceChf { get; init; }
}
