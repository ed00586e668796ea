namespace BsgFunds.Domain.ExchangeRates;

/// <summary>
/// A finance officer recorded the month's rate of a currency to CHF (CHF per one unit). A later one for the same month
/// and currency supersedes it.
/// </summary>
public sealed record ExchangeRateRecorded(
    Guid MonthId,
    string Month,
    string Currency,
    decimal RateToChf,
    string Source,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IFundEvent;
