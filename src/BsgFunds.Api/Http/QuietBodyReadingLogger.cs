using System.Text.Json;

namespace BsgFunds.Api.Http;

/// <summary>
/// The application's <see cref="ILogger{T}"/>, except for the one entry Wolverine writes, at error level with the
/// serializer's stack trace, for every request body that is not valid JSON. Such a body is the client's mistake: it
/// is answered 400 <c>json-invalid</c> and logged once at information level (<see cref="JsonProblems.LogRefused"/>).
/// </summary>
public sealed class QuietBodyReadingLogger<T>(ILoggerFactory factory) : ILogger<T>
{
    private const string WolverineBodyError = "Error trying to deserialize JSON from incoming HTTP body";
    private readonly ILogger<T> inner = new Logger<T>(factory);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (exception is JsonException && IsWolverineBodyError(state)) return;
        inner.Log(logLevel, eventId, state, exception, formatter);
    }

    private static bool IsWolverineBodyError<TState>(TState state) =>
        state is IReadOnlyList<KeyValuePair<string, object?>> values
        && values.Any(v => v is { Key: "{OriginalFormat}", Value: string format }
            && format.StartsWith(WolverineBodyError, StringComparison.Ordinal));
}
