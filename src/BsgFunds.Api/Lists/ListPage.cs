namespace BsgFunds.Api.Lists;

/// <summary>
/// One page of a list (api.md: lists answer <c>{ items, page, pageSize, total }</c>). <c>total</c> counts every item
/// the caller may see, so a client knows how many pages there are without reading past the last.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
