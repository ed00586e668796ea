namespace BsgFunds.Domain.Reports;

public sealed class SpendingEntry
{
    public Guid AllocationId { get; set; }
    public DateOnly On { get; set; }
    public decimal AmountChf { get; set; }
}
