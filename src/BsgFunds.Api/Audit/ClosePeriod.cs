using BsgFunds.Api.Transparency;
using BsgFunds.Domain.Audit;

namespace BsgFunds.Api.Audit;

public static class ClosePeriodEndpoint
{
    /// <summary>
    /// Closing a year takes two people: a finance officer asks, then the TSB Director approves, which seals the year
    /// with the chain digest and a signed tree head of that moment. From then on, nothing dated in the year is accepted (409 period-closed).
    /// </summary>
    [WolverinePost("/api/periods/{year}/close", OperationId = "ClosePeriod")]
    [Authorize(Roles = $"{Roles.FinanceOfficer},{Roles.TsbDirector}")]
    [Tags("Audit")]
    public static async Task<PeriodView> Post(int year, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock,
        TreeHeadSigningKey key, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Period>(StreamIds.Period(year));
        var actor = user.Actor(clock);
        object happened;
        if (user.IsInRole(Roles.TsbDirector) && stream.Aggregate?.Request is not null)
        {
            await Freshness.WaitForAsync(session.DocumentStore, "HashChainProjection");
            var digest = await Chain.DigestAsync(session, clock);
            await Freshness.WaitForAsync(session.DocumentStore, MerkleTreeProjection.Name, ct);
            var head = await TreeHeads.PublishAsync(session.DocumentStore, key, clock, ct);
            happened = PeriodDecisions.Approve(stream.Aggregate, year, digest.Sequence, digest.Hash, head, actor).OrRefuse()[0];
        }
        else if (user.IsInRole(Roles.FinanceOfficer))
        {
            happened = PeriodDecisions.Request(stream.Aggregate, year, actor).OrRefuse()[0];
        }
        else
        {
            happened = PeriodDecisions.Approve(stream.Aggregate, year, 0, ChainHash.Genesis, null, actor).OrRefuse()[0];
        }

        stream.AppendOne(happened);
        return PeriodView.Of(happened switch
        {
            PeriodCloseRequested r => Period.Create(r),
            PeriodClosed c => stream.Aggregate!.Apply(c),
            _ => throw new InvalidOperationException(),
        });
    }
}
