using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using BsgFunds.UnitTests.Specification;

namespace BsgFunds.UnitTests.Allocations;

/// <summary>
/// An allocation's stream as the real decisions write it, and the people who act on it: a programme officer requests,
/// the TSB director approves, the BDT director signs off, all on 1 June 2026 with the BDT threshold at CHF 50 000.
/// </summary>
internal static class AllocationHistory
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Requester = new("po", Now);
    public static readonly Actor Tsb = new("tsb", Now);
    public static readonly Actor Bdt = new("bdt", Now);
    public static readonly ApprovalRules Rules = new(50_000m);

    public static readonly Approver Director = new("tsb", true, null);

    public static object[] Requested(UseOfFunds use = UseOfFunds.Translation, decimal amount = 1_000m, int programme = 1) =>
        Deciders.Allocation.Given()
            .And(_ => AllocationDecisions.Request(Guid.NewGuid(), 2026, programme, use, "t", amount, [], [], [], ClosedYears.None, Requester)).Events;

    public static Allocation State(object[] history) => Deciders.Allocation.Given(history).State!;

    /// <summary>One pooled contribution with this much available: all an allocation needs to be funded.</summary>
    public static IReadOnlyList<FundingCandidate> Pool(decimal availableChf) =>
        [new FundingCandidate(Guid.NewGuid(), Guid.Empty, Domain.Contributions.Earmark.Pooled, availableChf, null)];

    /// <summary>Requested and finally approved by the TSB director, committing one pooled contribution holding exactly the amount.</summary>
    public static DeciderGiven<Allocation> Approved(decimal amount = 1_000m) =>
        Deciders.Allocation.Given(Requested(UseOfFunds.Translation, amount))
            .And(a => AllocationDecisions.ApproveAsTsb(a, Director, Rules, Pool(amount), ClosedYears.None, Tsb));
}
