using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Contributions;

public sealed record EarmarkInput(
    [property: Required] EarmarkCategory? Category, int? Programme, UseOfFunds? Use, IReadOnlyList<BsgFunds.Domain.ReferenceData.ItuRegion>? Regions,
    IReadOnlyList<string>? Countries, Guid? AllocationId)
{
    public Earmark ToEarmark() => new(Category ?? EarmarkCategory.Unearmarked, Programme, Use, Regions ?? [], Countries ?? [], AllocationId);
}
