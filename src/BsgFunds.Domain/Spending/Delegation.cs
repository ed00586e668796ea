namespace BsgFunds.Domain.Spending;

/// <summary>A recorded delegation of the TSB Director's approval. One stream per delegation.</summary>
public sealed record Delegation(Guid Id, string DelegateSub, decimal LimitChf, DateOnly Until, string GrantedBy, DateTimeOffset GrantedAt)
{
    public static Delegation Create(DelegationGranted g) => new(g.DelegationId, g.DelegateSub, g.LimitChf, g.Until, g.GrantedBy, g.GrantedAt);

    public DelegationGranted AsGranted() => new(Id, DelegateSub, LimitChf, Until, GrantedBy, GrantedAt);

    /// <summary>The delegation that speaks for a delegate today: the widest one still running, else the latest (to say it expired).</summary>
    public static Delegation? Best(IEnumerable<Delegation> delegations, DateOnly today) =>
        delegations.Where(d => d.Until >= today).OrderByDescending(d => d.LimitChf).FirstOrDefault()
        ?? delegations.OrderByDescending(d => d.Until).FirstOrDefault();
}
