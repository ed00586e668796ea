using System.Net.Sockets;
using Marten;
using Npgsql;

namespace BsgFunds.Api.Reliability;

/// <summary>What losing PostgreSQL meant for the request that met it.</summary>
public enum DatabaseFault
{
    /// <summary>Not a database fault: a bug or a refusal, answered elsewhere.</summary>
    None,

    /// <summary>The request never tried to commit, so nothing was written; retrying is safe.</summary>
    Unavailable,

    /// <summary>The connection went away after the request began to commit: whether it was written is unknown.</summary>
    ConnectionLost,
}

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

/// <summary>
/// Notes on the request that one of its sessions began to commit. From then on a lost connection leaves the outcome
/// unknown (the COMMIT may have reached the server), which the answer must say instead of "nothing was written".
/// </summary>
public sealed class CommitTracker(IHttpContextAccessor accessor) : DocumentSessionListenerBase
{
    private const string ItemKey = "bsgfunds.commit-attempted";

    /// <summary>
    /// Puts the request's commit flag in place before anything runs. Sessions of one request may commit in parallel (the
    /// rebuild runs projections side by side), and a dictionary written from several threads breaks: they only read it.
    /// </summary>
    public static void Begin(HttpContext context) => context.Items[ItemKey] = new Flag();

    public static bool CommitAttempted(HttpContext context) => context.Items.TryGetValue(ItemKey, out var flag) && flag is Flag { Raised: true };

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (accessor.HttpContext?.Items.TryGetValue(ItemKey, out var flag) == true && flag is Flag raised) raised.Raised = true;
        return Task.CompletedTask;
    }

    private sealed class Flag
    {
        private volatile bool raised;

        public bool Raised
        {
            get => raised;
            set => raised = value;
        }
    }
}
