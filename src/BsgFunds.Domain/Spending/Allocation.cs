using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public enum AllocationStatus
{
    Requested,
    Approved,
    Rejected,
    Closed,
}

public enum DisbursementStatus
{
    Requested,
    Certified,
    Approved,
    Paid,
    Cancelled,
}

public sealed record Disbursement(
    DisbursementRequested Request, DisbursementStatus Status, DisbursementCertified? Certified, DisbursementApproved? Approved,
    DisbursementPaid? Paid, DisbursementCancelled? Cancelled)
{
    public Guid Id => Request.DisbursementId;

    public bool IsActive => Status != DisbursementStatus.Cancelled;
}

/// <summary>One allocation with its sign-offs, funding and disbursements, folded from its stream.</summary>
public sealed record Allocation(
    Guid Id,
    AllocationRequested Request,
    AllocationApprovedByTsb? Tsb,
    AllocationSignedOffByBdt? Bdt,
    AllocationApproved? Approval,
    AllocationRejected? Rejection,
    AllocationClosed? Closing,
    IReadOnlyList<Disbursement> Disbursements)
{
    public static Allocation Create(AllocationRequested requested) => new(requested.AllocationId, requested, null, null, null, null, null, []);

    public Allocation Apply(AllocationApprovedByTsb e) => this with { Tsb = e };

    public Allocation Apply(AllocationSignedOffByBdt e) => this with { Bdt = e };

    public Allocation Apply(AllocationApproved e) => this with { Approval = e };

    public Allocation Apply(AllocationRejected e) => this with { Rejection = e };

    public Allocation Apply(AllocationClosed e) => this with { Closing = e };

    public Allocation Apply(DisbursementRequested e) =>
        this with { Disbursements = [.. Disbursements, new Disbursement(e, DisbursementStatus.Requested, null, null, null, null)] };

    public Allocation Apply(DisbursementCertified e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Certified,
        Certified = e });

    public Allocation Apply(DisbursementApproved e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Approved, Approved = e });

    public Allocation Apply(DisbursementPaid e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Paid, Paid = e });

    public Allocation Apply(DisbursementCancelled e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Cancelled,
        Cancelled = e });

    private Allocation Change(Guid id, Func<Disbursement, Disbursement> change) =>
        this with { Disbursements = Disbursements.Select(d => d.Id == id ? change(d) : d).ToList() };

    public AllocationStatus Status =>
        Closing is not null ? AllocationStatus.Closed
        : Rejection is not null ? AllocationStatus.Rejected
        : Approval is not null ? AllocationStatus.Approved
        : AllocationStatus.Requested;

    public decimal CommittedChf => Approval?.AmountChf ?? 0m;

    public decimal DisbursedChf => Disbursements.Where(d => d.Status == DisbursementStatus.Paid).Sum(d => d.Request.AmountChf);

    /// <summary>Requested, certified or approved disbursements not yet paid: money spoken for, not yet spent.</summary>
    public decimal PendingChf => Disbursements.Where(d => d.Status is DisbursementStatus.Requested or DisbursementStatus.Certified or DisbursementStatus.Approved).Sum(d => d.Request.AmountChf);

    public decimal ReleasedChf => Closing?.Released.Sum(r => r.AmountChf) ?? 0m;

    /// <summary>What new disbursements may still use.</summary>
    public decimal RemainingChf => Status == AllocationStatus.Approved ? CommittedChf - DisbursedChf - PendingChf : 0m;

    /// <summary>Per funding contribution, what its commitment to this allocation has not yet paid out.</summary>
    public IReadOnlyList<FundingLine> UnspentFunding()
    {
        var paid = Disbursements.Where(d => d.Paid is not null).SelectMany(d => d.Paid!.Funding)
            .GroupBy(f => f.ContributionId).ToDictionary(g => g.Key, g => g.Sum(f => f.AmountChf));
        return (Approval?.Funding ?? [])
            .Select(f => f with { AmountChf = f.AmountChf - paid.GetValueOrDefault(f.ContributionId) })
            .Where(f => f.AmountChf > 0)
            .ToList();
    }

    public Disbursement? Disbursement(Guid id) => Disbursements.FirstOrDefault(d => d.Id == id);
}

public static class AllocationFold
{
    public static Allocation Apply(Allocation state, object @event) => @event switch
    {
        AllocationApprovedByTsb e => state.Apply(e),
        AllocationSignedOffByBdt e => state.Apply(e),
        AllocationApproved e => state.Apply(e),
        AllocationRejected e => state.Apply(e),
        AllocationClosed e => state.Apply(e),
        DisbursementRequested e => state.Apply(e),
        DisbursementCertified e => state.Apply(e),
        DisbursementApproved e => state.Apply(e),
        DisbursementPaid e => state.Apply(e),
        DisbursementCancelled e => state.Apply(e),
        _ => state,
    };
}

/// <summary>A contribution as the funding rule sees it: what it may still give, to what, and since when.</summary>
public sealed record FundingCandidate(Guid ContributionId, Guid DonorId, Earmark Earmark, decimal AvailableChf, DateOnly? OldestReceiptOn);

public static class Funding
{
    /// <summary>Whether money with this earmark may be spent on the allocation (domain.md §2 and §4).</summary>
    public static bool Fits(Earmark earmark, AllocationRequested allocation) => earmark.Category switch
    {
        EarmarkCategory.Unearmarked => true,
        EarmarkCategory.TightlyEarmarked => earmark.AllocationId == allocation.AllocationId,
        EarmarkCategory.SoftlyEarmarked => earmark.Programme == allocation.Programme && FitsPlaces(earmark, allocation),
        _ => earmark.Programme == allocation.Programme && earmark.Use == allocation.Use && FitsPlaces(earmark, allocation),
    };

    // Money earmarked to regions or countries goes only to allocations that name places, all of them inside the earmark.
    private static bool FitsPlaces(Earmark earmark, AllocationRequested allocation)
    {
        if (earmark.Countries.Count > 0 && (allocation.Countries.Count == 0 || allocation.Countries.Any(c => !earmark.Countries.Contains(c)))) return false;
        if (earmark.Regions.Count == 0) return true;
        if (allocation.Regions.Count == 0 && allocation.Countries.Count == 0) return false;
        return allocation.Regions.All(r => earmark.Regions.Contains(r))
               && allocation.Countries.All(c => CountryCatalogue.TryFind(c, out var country) && earmark.Regions.Contains(country.Region));
    }

    private static int Priority(EarmarkCategory category) => category switch
    {
        EarmarkCategory.TightlyEarmarked => 0,
        EarmarkCategory.Earmarked => 1,
        EarmarkCategory.SoftlyEarmarked => 2,
        _ => 3,
    };

    /// <summary>
    /// Which contributions pay for the allocation: only cash available after PSC, only where the earmark fits;
    /// tightly earmarked first, then earmarked, softly earmarked and pooled; within a level the oldest receipt first.
    /// Contributions named by the requester are used as given, in the order given, or the approval is refused.
    /// </summary>
    public static (IReadOnlyList<FundingLine> Lines, Refusal? Refusal) Select(AllocationRequested allocation,
        IReadOnlyList<FundingCandidate> candidates)
    {
        IEnumerable<FundingCandidate> ordered;
        if (allocation.ContributionIds.Count > 0)
        {
            var byId = candidates.ToDictionary(c => c.ContributionId);
            var named = new List<FundingCandidate>();
            foreach (var id in allocation.ContributionIds)
            {
                if (!byId.TryGetValue(id, out var candidate) || !Fits(candidate.Earmark, allocation))
                    return ([], Refusal.RuleBroken("contribution-does-not-fit",
                        $"Contribution {id} has no cash whose earmark fits this allocation."));
                named.Add(candidate);
            }

            ordered = named;
        }
        else
        {
            ordered = candidates.Where(c => Fits(c.Earmark, allocation))
                .OrderBy(c => Priority(c.Earmark.Category))
                .ThenBy(c => c.OldestReceiptOn ?? DateOnly.MaxValue)
                .ThenBy(c => c.ContributionId);
        }

        var lines = new List<FundingLine>();
        var needed = allocation.AmountChf;
        foreach (var candidate in ordered.Where(c => c.AvailableChf > 0))
        {
            if (needed == 0) break;
            var take = Math.Min(needed, candidate.AvailableChf);
            lines.Add(new FundingLine(candidate.ContributionId, candidate.DonorId, candidate.Earmark.Category, candidate.Earmark, take));
            needed -= take;
        }

        return needed > 0
            ? ([], Refusal.RuleBroken("allocation-exceeds-available-funds",
                $"Only CHF {allocation.AmountChf - needed} of received cash fits this allocation; it needs CHF {allocation.AmountChf}."))
            : (lines, null);
    }

    /// <summary>Splits a payment over the allocation's unspent funding, in the order the funding was committed.</summary>
    public static IReadOnlyList<FundingLine> SplitPayment(Allocation allocation, decimal amountChf)
    {
        var lines = new List<FundingLine>();
        foreach (var line in allocation.UnspentFunding())
        {
            if (amountChf == 0) break;
            var take = Math.Min(amountChf, line.AmountChf);
            lines.Add(line with { AmountChf = take });
            amountChf -= take;
        }

        return lines;
    }
}
