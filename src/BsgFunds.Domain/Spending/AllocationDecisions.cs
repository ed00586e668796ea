using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Security;

namespace BsgFunds.Domain.Spending;

public sealed record ApprovalRules(decimal BdtSignOffThresholdChf)
{
    public static readonly IReadOnlySet<UseOfFunds> CapacityBuilding = new HashSet<UseOfFunds> { UseOfFunds.Training, UseOfFunds.Fellowship,
        UseOfFunds.WorkshopsAndEvents };

    public bool NeedsBdtSignOff(AllocationRequested a) => CapacityBuilding.Contains(a.Use) || a.AmountChf >= BdtSignOffThresholdChf;
}

/// <summary>Decisions on allocations (domain.md §3 to §5). Pure: state and command in, events or a refusal out.</summary>
public static class AllocationDecisions
{
    public static Decision<AllocationRequested> Request(
        Guid id, int year, int programme, UseOfFunds use, string title, decimal amountChf, IReadOnlyList<ItuRegion> regions,
        IReadOnlyList<string> countries, IReadOnlyList<Guid> contributionIds, Actor actor)
    {
        if (programme is < 1 or > 3) return Refuse<AllocationRequested>(Refusal.Invalid("programme-invalid", "programme",
            "The programme is 1, 2 or 3 (Resolution 44, Annex)."));
        if (year is < 2000 or > 2100) return Refuse<AllocationRequested>(Refusal.Invalid("year-invalid", "year",
            "The year is a budget year such as 2026."));
        if (amountChf <= 0) return Refuse<AllocationRequested>(Refusal.Invalid("amount-not-positive", "amountChf",
            "An allocation is for an amount greater than zero."));
        if (decimal.Round(amountChf, 2) != amountChf) return Refuse<AllocationRequested>(Refusal.Invalid("amount-too-precise", "amountChf",
            "CHF amounts are exact to the centime."));
        if (countries.Where(c => !CountryCatalogue.TryFind(c, out _)).Select(c => c ?? "null").FirstOrDefault() is { } unknown)
            return Refuse<AllocationRequested>(Refusal.Invalid("country-unknown", "countries",
                $"'{unknown}' is not an ISO 3166 alpha-2 country code in the country list."));
        if (contributionIds.Distinct().Count() != contributionIds.Count)
            return Refuse<AllocationRequested>(Refusal.Invalid("contribution-named-twice", "contributionIds", "A contribution is named once."));
        return Decision.Accept(new AllocationRequested(id, year, programme, use, title, amountChf, regions.Distinct().ToList(),
            countries.Distinct().ToList(), contributionIds, actor.Subject, actor.Now));
    }

    /// <summary>The TSB sign-off. When it is the last one needed, the caller commits the money (see <see cref="Commit"/>).</summary>
    public static Decision<AllocationApprovedByTsb> ApproveAsTsb(Allocation allocation, Approver approver, Actor actor)
    {
        if (Pending(allocation) is { } notPending) return Refuse<AllocationApprovedByTsb>(notPending);
        if (allocation.Request.RequestedBy == actor.Subject)
            return Refuse<AllocationApprovedByTsb>(Refusal.RuleBroken("approver-must-not-be-requester",
                "Nobody approves an allocation they requested."));
        if (allocation.Tsb is not null) return Refuse<AllocationApprovedByTsb>(Refusal.Conflict("already-approved",
            "The TSB approval of this allocation is already recorded."));
        var (role, delegationId, refusal) = approver.Authorise(allocation.Request.AmountChf, actor.Today);
        return refusal is not null
            ? Refuse<AllocationApprovedByTsb>(refusal)
            : Decision.Accept(new AllocationApprovedByTsb(allocation.Id, actor.Subject, role, delegationId, actor.Now));
    }

    public static Decision<AllocationSignedOffByBdt> SignOffAsBdt(Allocation allocation, ApprovalRules rules, Actor actor)
    {
        if (Pending(allocation) is { } notPending) return Refuse<AllocationSignedOffByBdt>(notPending);
        if (!rules.NeedsBdtSignOff(allocation.Request))
            return Refuse<AllocationSignedOffByBdt>(Refusal.Conflict("bdt-signoff-not-required",
                $"BDT signs off capacity building (Training, Fellowship, WorkshopsAndEvents) and allocations of CHF {rules.BdtSignOffThresholdChf} or more; this one needs only the TSB Director."));
        if (allocation.Request.RequestedBy == actor.Subject)
            return Refuse<AllocationSignedOffByBdt>(Refusal.RuleBroken("approver-must-not-be-requester",
                "Nobody signs off an allocation they requested."));
        if (allocation.Bdt is not null) return Refuse<AllocationSignedOffByBdt>(Refusal.Conflict("already-signed-off",
            "The BDT sign-off of this allocation is already recorded."));
        return Decision.Accept(new AllocationSignedOffByBdt(allocation.Id, actor.Subject, Roles.BdtDirector, actor.Now));
    }

    /// <summary>Whether, after these sign-offs, the allocation has every approval it needs.</summary>
    public static bool IsFullySignedOff(Allocation allocation, ApprovalRules rules) =>
        allocation.Tsb is not null && (allocation.Bdt is not null || !rules.NeedsBdtSignOff(allocation.Request));

    /// <summary>Final approval: commits the money, recorded on the allocation and on each funding contribution.</summary>
    public static Decision<object> Commit(Allocation allocation, IReadOnlyList<FundingCandidate> candidates, Actor actor)
    {
        var (lines, refusal) = Funding.Select(allocation.Request, candidates);
        if (refusal is not null) return Decision.Refuse<object>(refusal);
        var events = new List<object> { new AllocationApproved(allocation.Id, allocation.Request.AmountChf, lines, actor.Now) };
        events.AddRange(lines.Select(l => new FundsCommitted(l.ContributionId, l.DonorId, allocation.Id, l.AmountChf, l.Earmark, actor.Now)));
        return Decision.Accept(events.ToArray());
    }

    public static Decision<AllocationRejected> Reject(Allocation allocation, string role, string reason, Actor actor) =>
        Pending(allocation) is { } notPending
            ? Refuse<AllocationRejected>(notPending)
            : Decision.Accept(new AllocationRejected(allocation.Id, actor.Subject, role, reason, actor.Now));

    /// <summary>Closing releases what is committed and not disbursed; the <see cref="CommitmentReleased"/> events go to the contributions.</summary>
    public static Decision<object> Close(Allocation allocation, Actor actor)
    {
        if (allocation.Status != AllocationStatus.Approved)
            return Decision.Refuse<object>(Refusal.Conflict("allocation-not-approved",
                $"Only an approved allocation is closed; this one is {allocation.Status}."));
        if (allocation.PendingChf > 0)
            return Decision.Refuse<object>(Refusal.Conflict("allocation-has-pending-disbursements",
                "Pay or cancel its pending disbursements before closing the allocation."));
        var released = allocation.UnspentFunding();
        var events = new List<object> { new AllocationClosed(allocation.Id, actor.Subject, released, actor.Now) };
        events.AddRange(released.Select(r => new CommitmentReleased(r.ContributionId, r.DonorId, allocation.Id, r.AmountChf, r.Earmark, actor.Now)));
        return Decision.Accept(events.ToArray());
    }

    private static Refusal? Pending(Allocation allocation) => allocation.Status == AllocationStatus.Requested
        ? null
        : Refusal.Conflict("allocation-not-pending",
            $"The allocation is {allocation.Status}; only a requested allocation is approved, signed off or rejected.");

    private static Decision<T> Refuse<T>(Refusal refusal) => Decision.Refuse<T>(refusal);
}
