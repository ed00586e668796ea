namespace BsgFunds.Domain.Audit;

/// <summary>The TSB Director approved: the year is sealed with the chain digest at that moment; nothing dated in it is accepted any more.</summary>
public sealed record PeriodClosed(Guid PeriodId, int Year, string RequestedBy, string ApprovedBy, long DigestSequence, string DigestHash,
    DateTimeOffset At) : IFundEvent;
