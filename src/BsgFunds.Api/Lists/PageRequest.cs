namespace BsgFunds.Api.Lists;

/// <summary>Which page of a list the caller asked for: <c>page</c> from 1, <c>pageSize</c> from 1 to 1 000 (default 100).</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    // A page far past any list must not overflow into a negative offset.
    public int Skip => (int)Math.Min((long)(Page - 1) * PageSize, int.MaxValue);

    /// <summary>The request after <see cref="Paging.Validate"/> has accepted it: a missing value takes its default.</summary>
    public static PageRequest Of(int? page, int? pageSize) => new(page ?? 1, pageSize ?? Paging.DefaultPageSize);
}
