using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Domain.Reports;

public sealed class PaymentFacts
{
    public Guid AllocationId { get; set; }
    public Guid DisbursementId { get; set; }
    public DateOnly PaidOn { get; set; }
    public decimal AmountChf { get; set; }
    public int Programme { get; set; }
    public UseOfFunds Use { get; set; }
    public DisbursementKind Kind { get; set; }
    public FellowshipType? Fellowship { get; set; }
    public string CountryCode { get; set; } = string.Empty;
    public Gender? Gender { get; set; }
    public string? PersonId { get; set; }
    public List<FundingShare> Funding { get; set; } = [];
}
