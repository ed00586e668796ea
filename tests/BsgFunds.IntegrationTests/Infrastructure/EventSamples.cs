using BsgFunds.Domain;

namespace BsgFunds.IntegrationTests.Infrastructure;

public static class EventSamples
{
    /// <summary>An instance of an event type with every constructor argument filled, so that inline projections can fold it.</summary>
    public static object Of(Type type)
    {
        if (type == typeof(string)) return "sample";
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateOnly)) return new DateOnly(2026, 6, 1);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner);
        if (type.IsEnum) return Enum.GetValues(type).GetValue(0)!;
        if (type.IsPrimitive || type == typeof(decimal)) return Convert.ChangeType(1, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        if (type == typeof(Money)) return Money.Chf(1m);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        // An optional argument keeps its default: the event as written before that argument existed.
        return constructor.Invoke(constructor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : Of(p.ParameterType)).ToArray());
    }
}
