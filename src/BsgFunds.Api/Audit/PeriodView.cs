using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Audit;

public sealed record PeriodView(int Year, string Status, string RequestedBy, string? ApprovedBy, long? DigestSequence, string? DigestHash,
    DateTimeOffset? ClosedAt, TreeHead? TreeHead)
{
    public static PeriodView Of(Period p) => new(p.Year, p.Status, p.Request!.RequestedBy, p.Closing?.ApprovedBy, p.Closing?.DigestSequence,
        p.Closing?.DigestHash, p.Closing?.At, p.Closing?.TreeHead);
}
