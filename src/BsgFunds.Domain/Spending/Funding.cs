using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public static class Funding
{
    /// <summary>Whether money with this earmark may be spent on the allocation (domain.md §2 and §4).</summary>
    public static bool Fits(Earmark earmark, AllocationRequested allocation) =>
        FitsLine(earmark, allocation.Programme, allocation.Use, id => id == allocation.AllocationId)
        && (earmark.Category is EarmarkCategory.Unearmarked or EarmarkCategory.TightlyEarmarked || FitsPlaces(earmark, allocation));

    /// <summary>
    /// Whether money with this earmark may fund something on a budget line (programme and use): the part of <see cref="Fits"/>
    /// that does not depend on places, which only an allocation names. Tightly earmarked money fits the line its allocation is
    /// on (<paramref name="isOnLine"/> says whether an allocation is). The funding-gap report asks this of every line.
    /// </summary>
    public static bool FitsLine(Earmark earmark, int programme, UseOfFunds use, Func<Guid, bool> isOnLine) => earmark.Category switch
    {
        EarmarkCategory.Unearmarked => true,
        EarmarkCategory.TightlyEarmarked => earmark.AllocationId is { } allocationId && isOnLine(allocationId),
        EarmarkCategory.SoftlyEarmarked => earmark.Programme == programme,
        _ => earmark.Programme == programme && earmark.Use == use,
    };

    // Money earmarked to regions or countries goes only to allocations that name places, all of them inside the earmark.
    private static bool FitsPlaces(Earmark earmark, AllocationRequested allocation)
    {
        if (earmark.Countries.Count > 0 && (allocation.Countries.Count == 0 || allocation.Countries.Any(c => !earmark.Countries.Contains(c))))
            return false;
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
            lines.Add(new FundingLine(candidate.ContributionId, candidate.DonorId, candidate.Earmark.Category, candidate.Earmark, take,
                candidate.Obligations));
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
