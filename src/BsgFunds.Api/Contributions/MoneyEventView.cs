namespace BsgFunds.Api.Contributions;

/// <summary>A money event of the contribution as a client needs it to follow, or reverse, it.</summary>
public sealed record MoneyEventView(
    long Sequence, Guid EventId, string Type, DateOnly On, Money? Amount, decimal AmountChf, string? BankReference,
    long? Reverses, long? ReversedBy, DateTimeOffset RecordedAt);
