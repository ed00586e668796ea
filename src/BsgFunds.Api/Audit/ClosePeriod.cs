using System.Security.Claims;
using BsgFunds.Api.Http;
using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Security;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Audit;

public sealed record PeriodView(int Year, string Status, string RequestedBy, string? ApprovedBy, long? DigestSequence, string? DigestHash,
    DateTimeOffset? ClosedAt)
{
    public static PeriodView Of(Period p) => new(p.Year, p.Status, p.Request!.RequestedBy, p.Closing?.ApprovedBy, p.Closing?.DigestSequence,
        p.Closing?.DigestHash, p.Closing?.At);
}

public static class ClosePeriodEndpoint
{
    /// <summary>
    /// Closing a year takes two people: a finance officer asks, then the TSB Director approves, which seals the year
    /// with the chain digest of that moment. From then on, nothing dated in the year is accepted (409 period-closed).
    /// </summary>
    [WolverinePost("/api/periods/{year}/close", OperationId = "ClosePeriod")]
    [Authorize(Roles = $"{Roles.FinanceOfficer},{Roles.TsbDirector}")]
    [Tags("Audit")]
    public static async Task<PeriodView> Post(int year, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var stream = await session.Events.FetchForWriting<Period>(StreamIds.Period(year));
        var actor = user.Actor(clock);
        object happened;
        if (user.IsInRole(Roles.TsbDirector) && stream.Aggregate?.Request is not null)
        {
            await Freshness.WaitForAsync(session.DocumentStore, "HashChainProjection");
            var digest = await Chain.DigestAsync(session, clock);
            happened = PeriodDecisions.Approve(stream.Aggregate, year, digest.Sequence, digest.Hash, actor).OrRefuse()[0];
        }
        else if (user.IsInRole(Roles.FinanceOfficer))
        {
            happened = PeriodDecisions.Request(stream.Aggregate, year, actor).OrRefuse()[0];
        }
        else
        {
            happened = PeriodDecisions.Approve(stream.Aggregate, year, 0, ChainHash.Genesis, actor).OrRefuse()[0];
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

public static class GetPeriodEndpoint
{
    [WolverineGet("/api/periods/{year}", OperationId = "GetPeriod")]
    [Authorize(Roles = Allocations.AllocationRoles.StaffAndAuditor)]
    [Tags("Audit")]
    public static async Task<PeriodView?> Get(int year, IQuerySession session) =>
        await session.LoadAsync<Period>(StreamIds.Period(year)) is { } p ? PeriodView.Of(p) : null;
}

public sealed partial class PeriodProjection : SingleStreamProjection<Period, Guid>
{
    public static Period Create(PeriodCloseRequested e) => Period.Create(e);

    public static Period Apply(PeriodClosed e, Period p) => p.Apply(e);
}

/// <summary>Refuses commands whose business date falls in a closed year; corrections go into an open year and point back.</summary>
public static class OpenPeriods
{
    public static async Task EnsureOpenAsync(IQuerySession session, params DateOnly[] dates) =>
        EnsureOpen(await session.Query<Period>().Where(p => p.Closing != null).ToListAsync(), dates);

    public static void EnsureOpen(IEnumerable<Period> closedPeriods, params DateOnly[] dates)
    {
        var closed = closedPeriods.Select(p => p.Year).ToHashSet();
        if (dates.FirstOrDefault(d => closed.Contains(d.Year)) is { } day && closed.Contains(day.Year))
        {
            throw new RefusedException(Refusal.Conflict("period-closed",
                $"{day.Year} is closed and sealed; nothing dated {day:yyyy-MM-dd} is accepted. Record the correction in an open year, pointing back to what it corrects."));
        }
    }

    public static DateOnly Today(TimeProvider clock) => Bounds.Today(clock.GetUtcNow());

    public static DateOnly YearOf(int year) => new(Math.Clamp(year, 1, 9999), 1, 1);
}
