using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;

namespace BsgFunds.Domain.Reports;

/// <summary>One CSV row of the funding-sources report: a source and donor type in a year.</summary>
public sealed record FundingSourceRow
{
    public required int Year { get; init; }
    public required FundingSource Source { get; init; }
    public required DonorType DonorType { get; init; }
    public required decimal PledgedChf { get; init; }
    public required decimal AgreedChf { get; init; }
    public required decimal ReceivedChf { get; init; }
    public required int Contributions { get; init; }
}
