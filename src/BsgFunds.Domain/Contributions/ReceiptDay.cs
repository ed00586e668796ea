namespace BsgFunds.Domain.Contributions;

/// <summary>How many standing (not reversed) receipts carry a value date: enough to fund oldest receipts first.</summary>
public sealed record ReceiptDay(DateOnly ValueDate, int Count);
