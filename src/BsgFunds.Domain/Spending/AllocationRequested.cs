using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

/// <summary>A programme officer asked to spend a CHF amount on one use of funds.</summary>
public sealed record AllocationRequested(
    Guid AllocationId, int Year, int Programme, UseOfFunds Use, string Title, decimal AmountChf,
    IReadOnlyList<ItuRegion> Regions, IReadOnlyList<string> Countries, IReadOnlyList<Guid> ContributionIds,
    string RequestedBy, DateTimeOffset RequestedAt) : IAllocationEvent;
