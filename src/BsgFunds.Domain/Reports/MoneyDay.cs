namespace BsgFunds.Domain.Reports;

/// <summary>
/// A contribution's money on one business date (value date, refund date, write-off date, reversal date), summed:
/// the book keeps totals per day, not every entry, so that it stays the same size however many receipts arrive.
/// Reports that list entries (statements, IATI) read them from the events (<see cref="MoneyEntries"/>).
/// </summary>
public sealed class MoneyDay
{
    public decimal ReceivedChf { get; set; }
    public decimal ReceivedOriginal { get; set; }
    public decimal PscChf { get; set; }
    public decimal ExchangeDifferenceChf { get; set; }
    public decimal RefundedChf { get; set; }
    public decimal WrittenOffChf { get; set; }
    public decimal WrittenOffOriginal { get; set; }
    public int ReceiptEntries { get; set; }
}
