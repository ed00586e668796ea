namespace BsgFunds.Domain;

public static class Decision
{
    public static Decision<T> Accept<T>(params T[] events) => new(events, null);

    public static Decision<T> Nothing<T>() => new([], null);

    public static Decision<T> Refuse<T>(Refusal refusal) => new([], refusal);
}
