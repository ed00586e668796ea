using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Allocations;

public sealed record FundingView(Guid ContributionId, Guid DonorId, EarmarkCategory Category, decimal CommittedChf, decimal DisbursedChf,
    decimal ReleasedChf);
