using BsgFunds.Domain.Transparency;

namespace BsgFunds.Domain.Audit;

/// <summary>
/// The TSB Director approved: the year is sealed with the chain digest and the transparency log's signed tree head at
/// that moment; nothing dated in it is accepted any more. Closings recorded before the log existed have no tree head.
/// </summary>
public sealed record PeriodClosed(Guid PeriodId, int Year, string RequestedBy, string ApprovedBy, long DigestSequence, string DigestHash,
    DateTimeOffset At, TreeHead? TreeHead = null) : IFundEvent;
