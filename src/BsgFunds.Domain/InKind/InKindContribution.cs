namespace BsgFunds.Domain.InKind;

/// <summary>A contribution in kind as recorded, and its reversal if it was reversed.</summary>
public sealed record InKindContribution(
    Guid Id, Guid DonorId, InKindType Kind, string Description, decimal ValueChf, DateOnly From, DateOnly To, int? Programme,
    string ValuationBasis, bool Recognised, string RecordedBy, DateTimeOffset RecordedAt)
{
    public DateOnly? ReversedOn { get; init; }

    public string? ReversalReason { get; init; }

    public static InKindContribution Create(InKindContributionRecorded e) =>
        new(e.InKindId, e.DonorId, e.Kind, e.Description, e.ValueChf, e.From, e.To, e.Programme, e.ValuationBasis, e.Recognised, e.RecordedBy,
            e.RecordedAt);

    public static InKindContribution Apply(InKindContribution state, InKindContributionReversed e) =>
        state with { ReversedOn = e.ReversedOn, ReversalReason = e.Reason };
}
