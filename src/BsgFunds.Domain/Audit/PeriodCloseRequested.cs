namespace BsgFunds.Domain.Audit;

/// <summary>A finance officer asked to close (seal) a year.</summary>
public sealed record PeriodCloseRequested(Guid PeriodId, int Year, string RequestedBy, DateTimeOffset At) : IFundEvent;
