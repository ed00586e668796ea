
namespace BsgFunds.Api.Lists;

/// <summary>The one way every list reads, checks and applies <c>page</c> and <c>pageSize</c>.</summary>
public static class Paging
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static ProblemDetails Validate(int? page, int? pageSize)
    {
        var refusals = new List<Refusal>();
        if (page is < 1) refusals.Add(Refusal.Invalid("page-invalid", $"'page' counts from 1; {page} is not a page.", "page"));
        if (pageSize is < 1 or > MaxPageSize)
        {
            refusals.Add(Refusal.Invalid("page-size-invalid", $"'pageSize' is from 1 to {MaxPageSize}; {pageSize} is out of range.", "pageSize"));
        }

        if (refusals.Count == 0) return WolverineContinue.NoProblems;
        var problem = (ValidationProblemDetails)Problems.From(refusals[0]);
        foreach (var r in refusals.Skip(1)) problem.Errors[r.Field!] = [r.Detail];
        return problem;
    }

    /// <summary>An endpoint's own checks first, then the paging parameters.</summary>
    public static ProblemDetails ThenPaging(this ProblemDetails first, int? page, int? pageSize) =>
        ReferenceEquals(first, WolverineContinue.NoProblems) ? Validate(page, pageSize) : first;

    /// <summary>
    /// One page of a Marten query, in the database. The query must be ordered on a unique key so that pages neither
    /// repeat nor skip an item.
    /// </summary>
    public static async Task<ListPage<TOut>> PageAsync<TDoc, TOut>(
        this IQueryable<TDoc> ordered, PageRequest request, Func<TDoc, TOut> map, CancellationToken ct = default)
        where TDoc : notnull
    {
        // Counted on its own rather than with Marten's query statistics, which ride on the page's rows: a page past
        // the end would then report a total of nought.
        var total = await ordered.LongCountAsync(ct);
        var docs = await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new ListPage<TOut>(docs.Select(map).ToList(), request.Page, request.PageSize, total);
    }

    /// <summary>One page of a list already in memory (shipped tables, one document's entries, a donor's own record).</summary>
    public static ListPage<T> PageOf<T>(this IReadOnlyList<T> all, PageRequest request) =>
        new(all.Skip(request.Skip).Take(request.PageSize).ToList(), request.Page, request.PageSize, all.Count);
}
