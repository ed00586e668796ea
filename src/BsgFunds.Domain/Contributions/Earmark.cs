using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Contributions;

/// <summary>What a contribution may be spent on.</summary>
public sealed record Earmark(
    EarmarkCategory Category,
    int? Programme,
    UseOfFunds? Use,
    IReadOnlyList<ItuRegion> Regions,
    IReadOnlyList<string> Countries,
    Guid? AllocationId)
{
    public static readonly Earmark Pooled = new(EarmarkCategory.Unearmarked, null, null, [], [], null);

    /// <summary>
    /// Checks that the earmark says what its category needs and no more: softly earmarked names a programme;
    /// earmarked a programme and a use (regions and countries optional); tightly earmarked the allocation.
    /// </summary>
    public Refusal? Problem(string field)
    {
        Refusal Bad(string detail) => Refusal.Invalid("earmark-invalid", detail, field);

        if (Programme is { } p && p is < 1 or > 3) return Bad("An earmark's programme is 1, 2 or 3.");
        // A null in the list is as unknown as a wrong code: select before testing, so that it is not taken for "none found".
        if (Countries.Where(c => !CountryCatalogue.TryFind(c, out _)).Select(c => c ?? "null").FirstOrDefault() is { } unknown)
            return Bad($"'{unknown}' is not an ISO 3166 alpha-2 country code in the country list.");
        return Category switch
        {
            EarmarkCategory.Unearmarked
                when Programme is not null || Use is not null || Regions.Count > 0 || Countries.Count > 0 || AllocationId is not null =>
                Bad("An unearmarked (pooled) contribution names no programme, use, region, country or allocation."),
            EarmarkCategory.SoftlyEarmarked when Programme is null => Bad("A softly earmarked contribution names its programme."),
            EarmarkCategory.SoftlyEarmarked when Use is not null || AllocationId is not null =>
                Bad("A softly earmarked contribution names only a programme (and optionally regions or countries); use Earmarked for a use of "
                    + "funds."),
            EarmarkCategory.Earmarked when Programme is null || Use is null => Bad("An earmarked contribution names its programme and use of funds."),
            EarmarkCategory.Earmarked when AllocationId is not null => Bad("An allocation is named only by a tightly earmarked contribution."),
            EarmarkCategory.TightlyEarmarked when AllocationId is null => Bad("A tightly earmarked contribution names the allocation "
                + "(allocationId) it funds."),
            _ => null,
        };
    }

    /// <summary>The net-assets account of money with this earmark (docs/ledger.md).</summary>
    public string NetAssetsAccount() => Category switch
    {
        EarmarkCategory.Unearmarked => Accounts.NetAssetsUnrestricted,
        EarmarkCategory.TightlyEarmarked => $"{Accounts.NetAssetsRestricted}:Allocation:{AllocationId}",
        _ => string.Join(':', new[]
        {
            Accounts.NetAssetsRestricted,
            $"Programme{Programme}",
            Use?.ToString(),
            Regions.Count > 0 ? string.Join('+', Regions.Order()) : null,
            Countries.Count > 0 ? string.Join('+', Countries.Order(StringComparer.Ordinal)) : null,
        }.Where(s => s is not null)),
    };
}
