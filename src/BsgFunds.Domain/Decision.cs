namespace BsgFunds.Domain;

/// <summary>How a refusal maps onto the HTTP contract: 400 invalid, 403 forbidden, 404 not found, 409 conflict, 422 rule broken.</summary>
public enum RefusalKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
    PreconditionFailed,
    RuleBroken,
}

/// <summary>Why a command was refused: a stable kebab-case code (docs/problems.md), a sentence a person can act on, and the field at fault if any.</summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Detail, string? Field = null)
{
    public static Refusal Invalid(string code, string field, string detail) => new(RefusalKind.Invalid, code, detail, field);

    public static Refusal NotFound(string code, string detail) => new(RefusalKind.NotFound, code, detail);

    public static Refusal Conflict(string code, string detail) => new(RefusalKind.Conflict, code, detail);

    public static Refusal RuleBroken(string code, string detail, string? field = null) => new(RefusalKind.RuleBroken, code, detail, field);
}

/// <summary>The outcome of a pure decision: the event(s) to append, nothing to do, or a refusal.</summary>
public sealed record Decision<T>(IReadOnlyList<T> Events, Refusal? Refusal)
{
    public bool IsRefused => Refusal is not null;
}

public static class Decision
{
    public static Decision<T> Accept<T>(params T[] events) => new(events, null);

    public static Decision<T> Nothing<T>() => new([], null);

    public static Decision<T> Refuse<T>(Refusal refusal) => new([], refusal);
}
