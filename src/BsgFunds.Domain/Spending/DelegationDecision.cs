namespace BsgFunds.Domain.Spending;

public static class DelegationDecision
{
    public static Decision<DelegationGranted> Grant(Guid id, string delegateSub, decimal limitChf, DateOnly until, Contributions.Actor actor)
    {
        if (delegateSub == actor.Subject) return Decision.Refuse<DelegationGranted>(Refusal.Invalid("delegation-to-self",
            "The Director does not delegate to themselves.",
            "delegateSub"));
        if (limitChf <= 0 || decimal.Round(limitChf, 2) != limitChf)
            return Decision.Refuse<DelegationGranted>(Refusal.Invalid("amount-not-positive",
                "The limit is a CHF amount greater than zero, exact to the centime.",
                "limitChf"));
        if (until < actor.Today) return Decision.Refuse<DelegationGranted>(Refusal.Invalid("delegation-in-the-past",
            "A delegation ends today or later.",
            "until"));
        return Decision.Accept(new DelegationGranted(id, delegateSub, limitChf, until, actor.Subject, actor.Now));
    }
}
