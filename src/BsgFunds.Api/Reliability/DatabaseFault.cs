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
