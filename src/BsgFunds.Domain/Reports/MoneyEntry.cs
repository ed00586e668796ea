namespace BsgFunds.Domain.Reports;

public sealed class MoneyEntry
{
    public long Sequence { get; set; }
    public DateOnly On { get; set; }
    public Money Amount { get; set; } = Money.Chf(0m);
    public decimal RateToChf { get; set; }
    public decimal AmountChf { get; set; }
    public decimal PscChf { get; set; }
    public decimal ExchangeDifferenceChf { get; set; }
    public string? Reference { get; set; }
    public long? Reverses { get; set; }
}
