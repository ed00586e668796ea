namespace BsgFunds.Domain;

/// <summary>The fund's event types, found from their markers: what the event store registers and the projections take.</summary>
public static class FundEvents
{
    public static readonly IReadOnlyList<Type> All = Implementing<IFundEvent>();

    public static IReadOnlyList<Type> Implementing<TMarker>() =>
        typeof(IFundEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(TMarker).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
}
