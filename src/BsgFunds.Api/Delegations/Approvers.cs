using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Delegations;

/// <summary>Who approves in the TSB Director's name: the Director, or the caller's delegation if any.</summary>
public static class Approvers
{
    /// <summary>The approver, refused at once (403) when the caller is neither the Director nor a recorded delegate.</summary>
    public static async Task<Approver> AuthorisedAsync(IQuerySession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var approver = await ForAsync(session, user, clock);
        return approver.IsTsbDirector || approver.Delegation is not null
            ? approver
            : throw new RefusedException(new Domain.Refusal(Domain.RefusalKind.Forbidden, "approver-not-authorised",
                "Only the TSB Director, or a delegate under a recorded delegation, approves."));
    }

    public static async Task<Approver> ForAsync(IQuerySession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var sub = user.FindFirstValue(Claims.Subject)!;
        if (user.IsInRole(Roles.TsbDirector)) return new Approver(sub, true, null);
        var delegations = await session.Query<Delegation>().Where(d => d.DelegateSub == sub).ToListAsync();
        return new Approver(sub, false, Delegation.Best(delegations, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))?.AsGranted());
    }
}
