using BsgFunds.Domain.Transparency;

namespace BsgFunds.Domain.Audit;

public static class PeriodDecisions
{
    public static Decision<PeriodCloseRequested> Request(Period? period, int year, Contributions.Actor actor)
    {
        if (year is < 2000 or > 2100) return Decision.Refuse<PeriodCloseRequested>(Refusal.Invalid("year-invalid",
            "The year is a budget year such as 2026.",
            "year"));
        if (period?.Closing is not null) return Decision.Refuse<PeriodCloseRequested>(Refusal.Conflict("period-closed",
            $"{year} is already closed."));
        if (NotEnded(year, actor) is { } notEnded) return Decision.Refuse<PeriodCloseRequested>(notEnded);
        if (period is not null) return Decision.Refuse<PeriodCloseRequested>(Refusal.Conflict("period-close-already-requested",
            $"Closing {year} is already requested; the TSB Director approves it."));
        return Decision.Accept(new PeriodCloseRequested(StreamIds.Period(year), year, actor.Subject, actor.Now));
    }

    /// <summary>A year is closed only after it has ended: 31 December, Geneva time (domain.md §9).</summary>
    private static Refusal? NotEnded(int year, Contributions.Actor actor) => actor.Today.Year > year
        ? null
        : Refusal.Conflict("period-not-ended",
            $"{year} ends on 31 December {year} in Geneva; it can be closed from 1 January {year + 1} (today is {actor.Today:yyyy-MM-dd}).");

    /// <param name="treeHead">The transparency log's signed head at the close: the sealed digest as a tree head anyone can check.</param>
    public static Decision<PeriodClosed> Approve(Period? period, int year, long digestSequence, string digestHash, TreeHead? treeHead,
        Contributions.Actor actor)
    {
        if (period?.Closing is not null) return Decision.Refuse<PeriodClosed>(Refusal.Conflict("period-closed", $"{year} is already closed."));
        if (period?.Request is not { } request)
            return Decision.Refuse<PeriodClosed>(Refusal.Conflict("period-close-not-requested",
                $"A finance officer requests closing {year} before the TSB Director approves it."));
        if (NotEnded(year, actor) is { } notEnded) return Decision.Refuse<PeriodClosed>(notEnded);
        if (request.RequestedBy == actor.Subject)
            return Decision.Refuse<PeriodClosed>(Refusal.RuleBroken("approver-must-not-be-requester",
                "Nobody approves closing a year they asked to close."));
        return Decision.Accept(new PeriodClosed(period.Id, year, request.RequestedBy, actor.Subject, digestSequence, digestHash, actor.Now,
            treeHead));
    }
}
