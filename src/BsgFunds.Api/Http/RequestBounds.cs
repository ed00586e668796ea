using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BsgFunds.Api.Http;

/// <summary>
/// The bounds every command shares (<see cref="Bounds"/>), applied once, as each request body is read, to every command
/// of the API: no endpoint can forget them. Every text is NFC and free of control, bidirectional and invisible characters;
/// every date from 2000 on, facts not after today in Geneva, forward-looking dates at most ten years ahead; every amount at
/// most 10^12; and no property may be named twice. A body out of bounds is refused before its endpoint runs.
/// </summary>
public static class RequestBounds
{
    private static readonly Assembly Api = typeof(RequestBounds).Assembly;
    private static readonly Lazy<HashSet<Type>> Commands = new(FindCommands);

    /// <summary>The body types of the API's endpoints: every one of them is checked as it is read.</summary>
    public static IReadOnlySet<Type> CommandTypes => Commands.Value;

    private const string RefusalKey = "bsgfunds.request-bounds";

    public static void Apply(JsonSerializerOptions options, TimeProvider clock, IHttpContextAccessor http)
    {
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new NormalisedTextConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(info => Attach(info, clock, http));
    }

    /// <summary>
    /// The refusal of the body just read, if it was out of bounds. Wolverine answers any exception thrown while reading a
    /// body itself (a JsonException as 400, anything else as 500), so the refusal travels beside a JsonException and the
    /// problem details writer (<see cref="JsonProblems"/>) puts it in the answer.
    /// </summary>
    public static Refusal? RefusalOf(HttpContext context) => context.Items.TryGetValue(RefusalKey, out var r) ? r as Refusal : null;

    private static void Attach(JsonTypeInfo info, TimeProvider clock, IHttpContextAccessor http)
    {
        // Only whole commands are walked, so that a refusal names the field by its path from the body's root.
        if (info.Kind != JsonTypeInfoKind.Object || !Commands.Value.Contains(info.Type)) return;
        info.OnDeserialized = body =>
        {
            if (Walk(body, string.Empty, Bounds.Today(clock.GetUtcNow())) is not { } refusal) return;
            if (http.HttpContext is { } context) context.Items[RefusalKey] = refusal;
            throw new JsonException(refusal.Detail);
        };
    }

    private enum DateKind
    {
        Fact,
        ForwardLooking,
        Historical,
    }

    private static Refusal? Walk(object? value, string path, DateOnly today, DateKind kind = DateKind.Fact) => value switch
    {
        null => null,
        string text => Bounds.Text(text, path),
        DateOnly date => kind switch
        {
            DateKind.ForwardLooking => Bounds.Range(date, path, today),
            DateKind.Historical => Bounds.Range(date, path, today, Bounds.EarliestReferenceDate),
            _ => Bounds.Fact(date, path, today),
        },
        decimal amount => Bounds.Amount(amount, path),
        MoneyInput money => money.Amount is { } amount ? Bounds.Amount(amount, $"{path}.amount") : null,
        IEnumerable items => Items(items, path, today),
        _ when value.GetType().Assembly == Api => Properties(value, path, today),
        _ => null,
    };

    private static Refusal? Items(IEnumerable items, string path, DateOnly today)
    {
        var i = 0;
        foreach (var item in items)
        {
            if (Walk(item, $"{path}[{i++}]", today) is { } refusal) return refusal;
        }

        return null;
    }

    private static Refusal? Properties(object value, string path, DateOnly today)
    {
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetCustomAttribute<JsonIgnoreAttribute>() is not null) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var field = path.Length == 0 ? name : $"{path}.{name}";
            var kind = p.IsDefined(typeof(ForwardLookingAttribute)) ? DateKind.ForwardLooking
                : p.IsDefined(typeof(HistoricalAttribute)) ? DateKind.Historical
                : DateKind.Fact;
            if (Walk(p.GetValue(value), field, today, kind) is { } refusal) return refusal;
        }

        return null;
    }

    /// <summary>The request bodies the endpoints take: the parameters of the API's own types on every Wolverine route method.</summary>
    private static HashSet<Type> FindCommands() => Api.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Where(m => m.IsDefined(typeof(WolverineHttpMethodAttribute)))
        .SelectMany(m => m.GetParameters())
        .Select(p => p.ParameterType)
        .Where(t => t.Assembly == Api && t.IsClass && !t.IsAbstract && !BuiltByTheContainer(t))
        .ToHashSet();

    // An endpoint's services of the API's own (the signing key, the local daemon) are built from configuration or the
    // provider; a body never is.
    private static bool BuiltByTheContainer(Type type) => type.GetConstructors().Any(c => c.GetParameters()
        .Any(p => p.ParameterType == typeof(IServiceProvider) || p.ParameterType == typeof(IConfiguration)));

    /// <summary>Every text of a request is read in Unicode NFC, so that one name is stored one way.</summary>
    private sealed class NormalisedTextConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? Bounds.Normalise(reader.GetString()!)
                : throw new JsonException(); // STJ words it, with the path: "could not be converted"

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
