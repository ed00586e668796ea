using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Security;

namespace BsgFunds.Domain.Spending;

/// <summary>Decisions on allocations (domain.md §3 to §5). Pure: state and command in, events or a refusal out.</summary>
public static class AllocationDecisions
{
    public static Decision<AllocationRequested> Request(
        Guid id, int year, int programme, UseOfFunds use, string title, decimal amountChf, IReadOnlyList<ItuRegion> regions,
        IReadOnlyList<string> countries, IReadOnlyList<Guid> contributionIds, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(ClosedYears.YearOf(year)) is { } shut) return Refuse<AllocationRequested>(shut);
        if (programme is < 1 or > 3) return Refuse<AllocationRequested>(Refusal.Invalid("programme-invalid",
            "The programme is 1, 2 or 3 (Resolution 44, Annex).",
            "programme"));
        if (year is < 2000 or > 2100) return Refuse<AllocationRequested>(Refusal.Invalid("year-invalid", "The year is a budget year such as 2026.",
            "year"));
        if (amountChf <= 0) return Refuse<AllocationRequested>(Refusal.Invalid("amount-not-positive",
            "An allocation is for an amount greater than zero.",
            "amountChf"));
        if (decimal.Round(amountChf, 2) != amountChf) return Refuse<AllocationRequested>(Refusal.Invalid("amount-too-precise",
            "CHF amounts are exact to the centime.",
            "amountChf"));
        if (countries.Where(c => !CountryCatalogue.TryFind(c, out _)).Select(c => c ?? "null").FirstOrDefault() is { } unknown)
            return Refuse<AllocationRequested>(Refusal.Invalid("country-unknown",
                $"'{unknown}' is not an ISO 3166 alpha-2 country code in the country list.",
                "countries"));
        if (contributionIds.Distinct().Count() != contributionIds.Count)
            return Refuse<AllocationRequested>(Refusal.Invalid("contribution-named-twice", "A contribution is named once.", "contributionIds"));
        return Decision.Accept(new AllocationRequested(id, year, programme, use, title, amountChf, regions.Distinct().ToList(),
            countries.Distinct().ToList(), contributionIds, actor.Subject, actor.Now));
    }

    /// <summary>
    /// The TSB approval. When it is the last sign-off the allocation needs, it is also the final approval: the money is
    /// committed from the contributions that fund it (<see cref="Funding.Select"/>), on the allocation and on each of them.
    /// </summary>
    /// <param name="candidates">The contributions that could fund the allocation, with what each has available now.</param>
    public static Decision<object> ApproveAsTsb(Allocation allocation, Approver approver, ApprovalRules rules,
        IReadOnlyList<FundingCandidate> candidates, ClosedYears closed, Actor actor)
    {
        if (Shut(allocation, closed, actor) is { } shut) return Refuse<object>(shut);
        if (Pending(allocation) is { } notPending) return Refuse<object>(notPending);
        if (allocation.Request.RequestedBy == actor.Subject)
            return Refuse<object>(Refusal.RuleBroken("approver-must-not-be-requester", "Nobody approves an allocation they requested."));
        if (allocation.Tsb is not null)
            return Refuse<object>(Refusal.Conflict("already-approved", "The TSB approval of this allocation is already recorded."));
        var (role, delegationId, refusal) = approver.Authorise(allocation.Request.AmountChf, actor.Today);
        return refusal is not null
            ? Refuse<object>(refusal)
            : Finalise(allocation, new AllocationApprovedByTsb(allocation.Id, actor.Subject, role, delegationId, actor.Now), rules, candidates,
                actor);
    }

    /// <summary>The BDT Director's coordination sign-off; the final approval when the TSB approval is already given.</summary>
    public static Decision<object> SignOffAsBdt(Allocation allocation, ApprovalRules rules, IReadOnlyList<FundingCandidate> candidates,
        ClosedYears closed, Actor actor)
    {
        if (Shut(allocation, closed, actor) is { } shut) return Refuse<object>(shut);
        if (Pending(allocation) is { } notPending) return Refuse<object>(notPending);
        if (!rules.NeedsBdtSignOff(allocation.Request))
            return Refuse<object>(Refusal.Conflict("bdt-signoff-not-required",
                "BDT signs off capacity building (Training, Fellowship, WorkshopsAndEvents) and allocations of "
                + $"CHF {rules.BdtSignOffThresholdChf} or more; this one needs only the TSB Director."));
        if (allocation.Request.RequestedBy == actor.Subject)
            return Refuse<object>(Refusal.RuleBroken("approver-must-not-be-requester", "Nobody signs off an allocation they requested."));
        if (allocation.Bdt is not null)
            return Refuse<object>(Refusal.Conflict("already-signed-off", "The BDT sign-off of this allocation is already recorded."));
        return Finalise(allocation, new AllocationSignedOffByBdt(allocation.Id, actor.Subject, Roles.BdtDirector, actor.Now), rules, candidates,
            actor);
    }

    // A sign-off is dated today, and approves spending in the allocation's budget year: both years must be open.
    private static Refusal? Shut(Allocation allocation, ClosedYears closed, Actor actor) =>
        closed.Refuse(actor.Today, ClosedYears.YearOf(allocation.Request.Year));

    /// <summary>
    /// The sign-off alone, or, when it is the last one needed, the sign-off, the final approval and one commitment for each
    /// funding contribution: the events of every stream involved, in the order they are appended.
    /// </summary>
    private static Decision<object> Finalise(Allocation allocation, object signOff, ApprovalRules rules,
        IReadOnlyList<FundingCandidate> candidates, Actor actor)
    {
        var signed = AllocationFold.Apply(allocation, signOff);
        if (!IsFullySignedOff(signed, rules)) return Decision.Accept(signOff);
        var (lines, refusal) = Funding.Select(signed.Request, candidates);
        if (refusal is not null) return Refuse<object>(refusal);
        var commitments = lines.Select(l => new FundsCommitted(l.ContributionId, l.DonorId, allocation.Id, l.AmountChf, l.Earmark, actor.Now,
            l.Obligations));
        return Decision.Accept([signOff, new AllocationApproved(allocation.Id, signed.Request.AmountChf, lines, actor.Now), .. commitments]);
    }

    /// <summary>Whether, after these sign-offs, the allocation has every approval it needs.</summary>
    public static bool IsFullySignedOff(Allocation allocation, ApprovalRules rules) =>
        allocation.Tsb is not null && (allocation.Bdt is not null || !rules.NeedsBdtSignOff(allocation.Request));

    public static Decision<AllocationRejected> Reject(Allocation allocation, string role, string reason, ClosedYears closed, Actor actor) =>
        closed.Refuse(actor.Today) is { } shut ? Refuse<AllocationRejected>(shut)
        : Pending(allocation) is { } notPending ? Refuse<AllocationRejected>(notPending)
        : Decision.Accept(new AllocationRejected(allocation.Id, actor.Subject, role, reason, actor.Now));

    /// <summary>Closing releases what is committed and not disbursed; the <see cref="CommitmentReleased"/> events go to the contributions.</summary>
    public static Decision<object> Close(Allocation allocation, ClosedYears closed, Actor actor)
    {
        if (closed.Refuse(actor.Today) is { } shut) return Decision.Refuse<object>(shut);
        if (allocation.Status != AllocationStatus.Approved)
            return Decision.Refuse<object>(Refusal.Conflict("allocation-not-approved",
                $"Only an approved allocation is closed; this one is {allocation.Status}."));
        if (allocation.PendingChf > 0)
            return Decision.Refuse<object>(Refusal.Conflict("allocation-has-pending-disbursements",
                "Pay or cancel its pending disbursements before closing the allocation."));
        var released = allocation.UnspentFunding();
        var events = new List<object> { new AllocationClosed(allocation.Id, actor.Subject, released, actor.Now) };
        events.AddRange(released.Select(r => new CommitmentReleased(r.ContributionId, r.DonorId, allocation.Id, r.AmountChf, r.Earmark, actor.Now,
            r.Obligations)));
        return Decision.Accept(events.ToArray());
    }

    private static Refusal? Pending(Allocation allocation) => allocation.Status == AllocationStatus.Requested
        ? null
        : Refusal.Conflict("allocation-not-pending",
            $"The allocation is {allocation.Status}; only a requested allocation is approved, signed off or rejected.");

    private static Decision<T> Refuse<T>(Refusal refusal) => Decision.Refuse<T>(refusal);
}
