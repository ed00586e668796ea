
namespace BsgFunds.Api.Http;

public static class DecisionExtensions
{
    /// <summary>The decision's events, or a <see cref="RefusedException"/> that the API answers as problem details.</summary>
    public static IReadOnlyList<T> OrRefuse<T>(this Decision<T> decision) =>
        decision.Refusal is { } refusal ? throw new RefusedException(refusal) : decision.Events;
}
