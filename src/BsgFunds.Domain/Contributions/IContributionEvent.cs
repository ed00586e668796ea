namespace BsgFunds.Domain.Contributions;

/// <summary>An event of one contribution's stream: it is appended to the stream of <see cref="ContributionId"/>.</summary>
public interface IContributionEvent : IFundEvent
{
    Guid ContributionId { get; }
}
