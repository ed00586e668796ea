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
