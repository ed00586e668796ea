
namespace BsgFunds.Api.Http;

/// <summary>Thrown by an endpoint when its decision refuses the command; nothing has been written at that point.</summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.Detail)
{
    public Refusal Refusal { get; } = refusal;

    /// <summary>When the refusal will pass by itself (a proof not yet signed): the Retry-After the answer carries.</summary>
    public int? RetryAfterSeconds { get; init; }
}
