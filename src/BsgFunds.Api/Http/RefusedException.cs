
namespace BsgFunds.Api.Http;

/// <summary>Thrown by an endpoint when its decision refuses the command; nothing has been written at that point.</summary>
public sealed class RefusedException(Refusal refusal) : Exception(refusal.Detail)
{
    public Refusal Refusal { get; } = refusal;
}
