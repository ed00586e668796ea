using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

/// <summary>A contribution as the funding rule sees it: what it may still give, to what, and since when.</summary>
public sealed record FundingCandidate(Guid ContributionId, Guid DonorId, Earmark Earmark, decimal AvailableChf, DateOnly? OldestReceiptOn,
    ComplianceObligations? Obligations = null);
