namespace BsgFunds.Domain.Reports;

public sealed class AmendmentFacts
{
    public string Reference { get; set; } = string.Empty;
    public DateOnly SignedOn { get; set; }
    public Money Change { get; set; } = Money.Chf(0m);
    public decimal ChangeChf { get; set; }
}
