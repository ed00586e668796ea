using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// A contribution as the funding gap sees it: its earmark, the cash it has available (after PSC, refunds and commitments),
/// its signed instalments still to come after the PSC they will bear, and its pledge while outstanding.
/// </summary>
public sealed record FundingGapSource(
    Guid ContributionId, Earmark Earmark, decimal AvailableChf, decimal InstalmentsToComeChf, decimal PledgesOutstandingChf);
