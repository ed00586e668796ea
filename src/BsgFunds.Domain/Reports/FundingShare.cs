namespace BsgFunds.Domain.Reports;

public sealed class FundingShare
{
    public Guid ContributionId { get; set; }
    public Guid DonorId { get; set; }
    public decimal AmountChf { get; set; }
}
