using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;

namespace BsgFunds.Domain.InKind;

/// <summary>The finance officers' decisions on contributions in kind (domain.md §11). Pure: state and command in, event or refusal out.</summary>
public static class InKindDecisions
{
    /// <summary>
    /// UN practice under IPSAS 23 and 47: goods in kind are recognised at fair value; services in kind are disclosed with
    /// their estimated value, not recognised (decision 0012).
    /// </summary>
    public static bool Recognises(InKindType kind) => kind == InKindType.Goods;

    public static Decision<InKindContributionRecorded> Record(
        Guid inKindId, Donor? donor, InKindType kind, string description, decimal valueChf, DateOnly from, DateOnly to, int? programme,
        string valuationBasis, ClosedYears closed, Actor actor)
    {
        if (donor is null) return Refuse(Refusal.NotFound("donor-not-found", "No donor is registered with that donorId."));
        if (valueChf <= 0)
            return Refuse(Refusal.Invalid("amount-not-positive", "A contribution in kind has a value greater than zero.", "valueChf"));
        if (Bounds.AmountChf(valueChf, "valueChf") is { } tooLarge) return Refuse(tooLarge);
        if (!Rounding.IsExactToMinorUnit(valueChf, Currency.Chf))
            return Refuse(Refusal.Invalid("amount-too-precise", "'valueChf' is exact to the centime (two decimals).", "valueChf"));
        if ((Bounds.Fact(from, "from", actor.Today) ?? Bounds.Fact(to, "to", actor.Today)) is { } date) return Refuse(date);
        if (to < from) return Refuse(Refusal.Invalid("period-reversed", "'to' is on or after 'from'.", "to"));
        if (programme is { } p && p is < 1 or > 3)
            return Refuse(Refusal.Invalid("programme-invalid", "'programme' is 1, 2 or 3 when given.", "programme"));
        // The contribution counts on the day it was complete: that day must lie in an open year.
        if (closed.Refuse(to) is { } shut) return Refuse(shut);

        return Decision.Accept(new InKindContributionRecorded(inKindId, donor.Id, kind, description.Trim(), valueChf, from, to, programme,
            valuationBasis.Trim(), Recognises(kind), actor.Subject, actor.Now));
    }

    /// <summary>A mistaken record is reversed, once, on today's date; the corrected record is then recorded anew.</summary>
    public static Decision<InKindContributionReversed> Reverse(InKindContribution contribution, string reason, ClosedYears closed, Actor actor)
    {
        if (contribution.ReversedOn is { } reversed)
            return Decision.Refuse<InKindContributionReversed>(Refusal.Conflict("in-kind-already-reversed",
                $"This contribution in kind was already reversed on {reversed:yyyy-MM-dd}."));
        if (closed.Refuse(actor.Today) is { } shut) return Decision.Refuse<InKindContributionReversed>(shut);
        return Decision.Accept(new InKindContributionReversed(contribution.Id, contribution.DonorId, contribution.Kind, contribution.ValueChf,
            contribution.Programme, contribution.Recognised, actor.Today, reason.Trim(), actor.Subject, actor.Now));
    }

    private static Decision<InKindContributionRecorded> Refuse(Refusal refusal) => Decision.Refuse<InKindContributionRecorded>(refusal);
}
