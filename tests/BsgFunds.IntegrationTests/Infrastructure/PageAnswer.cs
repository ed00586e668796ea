namespace BsgFunds.IntegrationTests.Infrastructure;

/// <summary>One page of a list as a client reads it: <c>{ items, page, pageSize, total }</c>.</summary>
public sealed record PageAnswer<T>(List<T> Items, int Page, int PageSize, long Total);
