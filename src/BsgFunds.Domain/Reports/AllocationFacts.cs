using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

public sealed class AllocationFacts
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public int Programme { get; set; }
    public UseOfFunds Use { get; set; }
    public string Title { get; set; } = string.Empty;
    public decimal AmountChf { get; set; }
    public AllocationStatus Status { get; set; }
    public List<FundingShare> Funding { get; set; } = [];
    public decimal ReleasedChf { get; set; }
    public decimal CommittedChf => Status is AllocationStatus.Approved or AllocationStatus.Closed ? AmountChf - ReleasedChf : 0m;
}
