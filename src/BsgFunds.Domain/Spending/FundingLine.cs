using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

public sealed record FundingLine(Guid ContributionId, Guid DonorId, EarmarkCategory Category, Earmark Earmark, decimal AmountChf,
    ComplianceObligations? Obligations = null);
