using System.Text.Json;
using Alba;
using FluentAssertions;
using JasperFx.Events;
using Marten;
using Xunit;

namespace BsgFunds.IntegrationTests.Infrastructure;

/// <summary>Base of the HTTP tests: every test starts from an empty store and signs in through the dev token endpoint.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(AppFixture app) : IAsyncLifetime
{
    protected IAlbaHost Host => app.Host;

    protected IDocumentStore Store => app.Store;

    protected TestClock Clock => app.Clock;

    protected CapturedLogs Logs => app.Logs;

    public async Task InitializeAsync()
    {
        await Host.ResetAllMartenDataAsync();
        // The transparency log's tree is a table of its own, outside Marten's documents: a new ledger starts a new tree.
        // A head the publisher was signing over the old tree meanwhile holds the table until it is stored (TreeHeads), so
        // the truncation waits for it and the delete that follows removes it.
        await Foundation.ProjectionFailureTests.Sql(
            $"truncate {Api.Transparency.MerkleNodeTable.Name}; delete from {Api.Setup.MartenSetup.Schema}.mt_doc_publishedtreehead");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<string> TokenFor(string role, string sub = "person-1", Guid? donorId = null)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { sub, name = $"Test {sub}", roles = new[] { role }, donorId }).ToUrl("/api/dev/token");
            s.StatusCodeShouldBeOk();
        });
        return (await ReadAs<TokenResponse>(result)).Token;
    }

    protected async Task<IReadOnlyList<IEvent>> AllEvents()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
    }

    protected async Task<IScenarioResult> Send(string method, string url, string? token, object? body = null, int expectedStatus = 200,
        string? rawBody = null)
    {
        return await Host.Scenario(s =>
        {
            var request = method switch
            {
                "GET" => s.Get,
                "PUT" => s.Put,
                "DELETE" => s.Delete,
                _ => s.Post,
            };
            if (body is not null) request.Json(body).ToUrl(url);
            else request.Url(url);
            if (rawBody is not null)
            {
                s.ConfigureHttpContext(c =>
                {
                    var bytes = System.Text.Encoding.UTF8.GetBytes(rawBody);
                    c.Request.Body = new MemoryStream(bytes);
                    c.Request.ContentLength = bytes.Length;
                    c.Request.ContentType = "application/json";
                });
            }
            if (token is not null) s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.StatusCodeShouldBe(expectedStatus);
        });
    }

    protected static async Task<ProblemResponse> ProblemOf(IScenarioResult result)
    {
        result.Context.Response.ContentType.Should().StartWith("application/problem+json");
        return await ReadAs<ProblemResponse>(result);
    }

    /// <summary>Reads an answer as a client would: ignoring fields the test does not look at.</summary>
    protected static async Task<T> ReadAs<T>(IScenarioResult result) =>
        JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), ClientJson)
        ?? throw new InvalidOperationException("The response body was empty.");

    private static readonly JsonSerializerOptions ClientJson = new(JsonSerializerDefaults.Web);

    protected sealed record TokenResponse(string Token);
}

/// <summary>RFC 9457 problem details as a client reads them.</summary>
public sealed record ProblemResponse(string? Type, string? Title, int? Status, string? Detail, string? Code, Dictionary<string, string[]>? Errors);
