namespace BsgFunds.Domain.Contributions;

/// <summary>Who acts and when: every decision takes it, and no decision reads a clock.</summary>
public sealed record Actor(string Subject, DateTimeOffset Now)
{
    /// <summary>Today in Geneva, where ITU's days and years end.</summary>
    public DateOnly Today => Bounds.Today(Now);
}
