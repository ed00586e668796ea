using BsgFunds.Domain.InKind;

namespace BsgFunds.Domain.Reports;

/// <summary>
/// A contribution in kind on a donor's statement: goods are recognised (revenue at fair value), services disclosed with
/// their valuation basis. A reversal as of the report shows its date and reason.
/// </summary>
public sealed record StatementInKind(
    Guid InKindId, InKindType Kind, string Description, decimal ValueChf, DateOnly From, DateOnly To, int? Programme, string ValuationBasis,
    bool Recognised, DateOnly? ReversedOn, string? ReversalReason)
{
    public static StatementInKind Of(InKindContribution c) => new(c.Id, c.Kind, c.Description, c.ValueChf, c.From, c.To, c.Programme,
        c.ValuationBasis, c.Recognised, c.ReversedOn, c.ReversalReason);
}
