namespace BsgFunds.Domain.Reports;

/// <summary>
/// A line of a donor statement's CSV. <c>Reference</c> is the agreement's reference on a contribution's line and the
/// bank reference on a receipt's.
/// </summary>
public sealed record DonorStatementRow(
    Guid DonorId, string DonorName, Guid ContributionId, string Line, DateOnly? On, string? Reference, decimal AmountChf, decimal? AmountOriginal,
    string? Currency, decimal? RateToChf, decimal? PscChf, decimal? ExchangeDifferenceChf, int? Programme, string? Use, string? Region,
    decimal? OpeningBalanceChf);
