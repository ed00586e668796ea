using System.Net.Sockets;
using Npgsql;

namespace BsgFunds.Api.Reliability;

/// <summary>
/// Tells a database that went away from everything else (docs/reliability.md). Npgsql, Marten and Wolverine report a
/// lost connection in several shapes, wrapped to various depths: an <see cref="NpgsqlException"/> around an
/// <see cref="IOException"/> (transient or not), a <see cref="PostgresException"/> for a server shutting down,
/// <see cref="ObjectDisposedException"/> or <see cref="InvalidOperationException"/> from a connector already broken,
/// all possibly inside a <c>MartenCommandException</c>.
/// </summary>
public static class DatabaseFaults
{
    public const string UnavailableCode = "database-unavailable";
    public const string ConnectionLostCode = "database-connection-lost";

    /// <summary>Seconds a client should wait: about what PostgreSQL takes to restart after a crash.</summary>
    public const int RetryAfterSeconds = 5;

    public static DatabaseFault Classify(Exception exception, bool commitAttempted) =>
        !IsDatabaseLoss(exception) ? DatabaseFault.None
        : commitAttempted ? DatabaseFault.ConnectionLost
        : DatabaseFault.Unavailable;

    public static bool IsDatabaseLoss(Exception e) => e switch
    {
        PostgresException p => IsLossState(p.SqlState),
        // Two commands at once on one connection is a bug in our code, not an outage.
        NpgsqlOperationInProgressException => false,
        // Every other client-side Npgsql failure is about reaching or keeping the server: connecting, reading, writing.
        NpgsqlException => true,
        TimeoutException or SocketException => true,
        ObjectDisposedException d => d.Source is "Npgsql" or "System.Net.Sockets" || d.ObjectName.StartsWith("Npgsql", StringComparison.Ordinal),
        InvalidOperationException when e.Source == "Npgsql" && BrokenConnection(e.Message) => true,
        AggregateException a => a.InnerExceptions.Any(IsDatabaseLoss),
        _ => e.InnerException is { } inner && IsDatabaseLoss(inner),
    };

    // 08: connection exceptions; 57P01-57P03: the server is shutting down, crashed or starting; 53300: too many connections.
    private static bool IsLossState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";

    private static bool BrokenConnection(string message) =>
        message.Contains("not open", StringComparison.OrdinalIgnoreCase)
        || message.Contains("broken", StringComparison.OrdinalIgnoreCase)
        || message.Contains("no longer usable", StringComparison.OrdinalIgnoreCase);
}
