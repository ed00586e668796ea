using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Allocations;

public sealed record FundingView(Guid ContributionId, Guid DonorId, EarmarkCategory Category, decimal CommittedChf, decimal DisbursedChf,
    decimal ReleasedChf);
