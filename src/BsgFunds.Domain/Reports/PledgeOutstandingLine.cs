namespace BsgFunds.Domain.Reports;

/// <summary>
/// A pledge announced and neither signed nor withdrawn, aged from the day it was made. Its CHF value is at the pledge
/// month's rate, if recorded.
/// </summary>
public sealed record PledgeOutstandingLine(
    Guid DonorId, string DonorName, Guid ContributionId, DateOnly PledgedOn, Money Amount, decimal? AmountChf, int DaysOutstanding, string AgeBucket);
