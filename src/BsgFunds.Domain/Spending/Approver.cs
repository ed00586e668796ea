using BsgFunds.Domain.Security;

namespace BsgFunds.Domain.Spending;

/// <summary>Someone approving in the TSB Director's name: the Director, or a delegate under a recorded delegation.</summary>
public sealed record Approver(string Subject, bool IsTsbDirector, DelegationGranted? Delegation)
{
    /// <summary>Who may approve this CHF amount today, and in which capacity; or why not (domain.md §5).</summary>
    public (string Role, Guid? DelegationId, Refusal? Refusal) Authorise(decimal amountChf, DateOnly today)
    {
        if (IsTsbDirector) return (Roles.TsbDirector, null, null);
        if (Delegation is not { } d)
            return (string.Empty, null, new Refusal(RefusalKind.Forbidden, "approver-not-authorised",
                "Only the TSB Director, or a delegate under a recorded delegation, approves."));
        if (d.Until < today)
            return (string.Empty, null, Refusal.RuleBroken("delegation-expired", $"The delegation to {Subject} ended on {d.Until:yyyy-MM-dd}."));
        if (amountChf > d.LimitChf)
            return (string.Empty, null, Refusal.RuleBroken("delegation-limit-exceeded",
                $"The delegation to {Subject} covers up to CHF {d.LimitChf}; this is CHF {amountChf}."));
        return ("TsbDelegate", d.DelegationId, null);
    }
}
