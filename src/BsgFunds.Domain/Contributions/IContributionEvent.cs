namespace BsgFunds.Domain.Contributions;

/// <summary>
/// An event of one contribution's stream: it is appended to the stream of <see cref="ContributionId"/>. Each carries the
/// figures it was decided with (rates, CHF amounts, PSC, how a write-off split between deferred revenue and net assets), so
/// that its ledger postings and its reversal follow from the event alone, forever.
/// </summary>
public interface IContributionEvent : IFundEvent
{
    Guid ContributionId { get; }
}
