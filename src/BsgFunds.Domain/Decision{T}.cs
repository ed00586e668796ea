namespace BsgFunds.Domain;

/// <summary>The outcome of a pure decision: the event(s) to append, nothing to do, or a refusal.</summary>
public sealed record Decision<T>(IReadOnlyList<T> Events, Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;
}
