namespace BsgFunds.Domain.Audit;

public sealed record Period(Guid Id, int Year, PeriodCloseRequested? Request, PeriodClosed? Closing)
{
    public static Period Create(PeriodCloseRequested e) => new(e.PeriodId, e.Year, e, null);

    public Period Apply(PeriodClosed e) => this with { Closing = e };

    public string Status => Closing is not null ? "Closed" : "CloseRequested";
}
