namespace BsgFunds.Domain;

/// <summary>
/// Why a command was refused: a stable kebab-case code (docs/problems.md), a sentence a person can act on, and the field
/// at fault if any.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Detail, string? Field = null)
{
    public static Refusal Invalid(string code, string detail, string field) => new(RefusalKind.Invalid, code, detail, field);

    public static Refusal NotFound(string code, string detail) => new(RefusalKind.NotFound, code, detail);

    public static Refusal Conflict(string code, string detail) => new(RefusalKind.Conflict, code, detail);

    public static Refusal RuleBroken(string code, string detail, string? field = null) => new(RefusalKind.RuleBroken, code, detail, field);
}
