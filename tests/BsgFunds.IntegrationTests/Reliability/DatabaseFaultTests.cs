using System.Net.Sockets;
using Alba;
using BsgFunds.Api.Reliability;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace BsgFunds.IntegrationTests.Reliability;

/// <summary>A database that goes away under a request: a 503 problem with Retry-After that says whether anything was written.</summary>
public class DatabaseFaultTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_connection_lost_before_any_commit_is_503_database_unavailable_with_retry_after()
    {
        var token = await TokenFor("Auditor");
        var result = await Lose(token, "during=read", "GET");
        var problem = await ProblemOf(result);
        problem.Code.Should().Be(DatabaseFaults.UnavailableCode);
        problem.Status.Should().Be(503);
        problem.Detail.Should().Contain("nothing was written");
        result.Context.Response.Headers.RetryAfter.ToString().Should().Be("5");
    }

    [Fact]
    public async Task a_connection_lost_during_a_commit_is_503_database_connection_lost_whose_outcome_is_unknown()
    {
        var token = await TokenFor("FinanceOfficer");
        var result = await Lose(token, "during=commit", "POST");
        var problem = await ProblemOf(result);
        problem.Code.Should().Be(DatabaseFaults.ConnectionLostCode);
        problem.Detail.Should().Contain("outcome is unknown").And.Contain("same Idempotency-Key");
        result.Context.Response.Headers.RetryAfter.ToString().Should().Be("5");
    }

    [Fact]
    public async Task what_an_endpoint_wrote_before_the_connection_was_lost_never_reaches_the_client()
    {
        var token = await TokenFor("FinanceOfficer");
        var result = await Lose(token, "during=commit&partial=true", "POST", idempotencyKey: $"lost-{Guid.NewGuid():N}");
        var body = await result.ReadAsTextAsync();
        body.Should().NotStartWith("{\"id\":", "the half-written answer was discarded for the problem");
        (await ProblemOf(result)).Code.Should().Be(DatabaseFaults.ConnectionLostCode);
        result.Context.Response.Headers.RetryAfter.ToString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task a_database_fault_is_logged_once_as_a_warning_without_a_stack_trace()
    {
        var token = await TokenFor("Auditor");
        var correlation = $"lost-{Guid.NewGuid():N}";
        await Lose(token, "during=read", "GET", correlation: correlation);
        // Marten logs the failed command itself (category Marten, at most Warning in production settings); ours is one line.
        var ours = Logs.For(correlation).Where(e => e.Category.StartsWith("BsgFunds", StringComparison.Ordinal)).ToList();
        ours.Should().NotContain(e => e.Level >= LogLevel.Error || e.Exception != null);
        ours.Where(e => e.Message.Contains(DatabaseFaults.UnavailableCode)).Should().ContainSingle()
            .Which.Level.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public async Task a_503_is_a_problem_body_even_when_the_client_asked_for_csv()
    {
        var token = await TokenFor("Auditor");
        var result = await Lose(token, "during=read", "GET", accept: "text/csv");
        (await ProblemOf(result)).Code.Should().Be(DatabaseFaults.UnavailableCode);
        result.Context.Response.Headers.RetryAfter.ToString().Should().NotBeEmpty();
    }

    private async Task<IScenarioResult> Lose(string token, string query, string method, string? idempotencyKey = null,
        string? correlation = null, string? accept = null) =>
        await Host.Scenario(s =>
        {
            if (method == "POST") s.Post.Url($"{AppFixture.LostConnectionPath}?{query}");
            else s.Get.Url($"{AppFixture.LostConnectionPath}?{query}");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            if (idempotencyKey is not null) s.WithRequestHeader("Idempotency-Key", idempotencyKey);
            if (correlation is not null) s.WithRequestHeader("X-Correlation-Id", correlation);
            if (accept is not null) s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(503);
        });
}

/// <summary>The shapes in which Npgsql, Marten and Wolverine report a lost database, and some that are not one.</summary>
public class DatabaseFaultClassificationTests
{
    private static readonly NpgsqlCommand Command = new("insert into something");
    private static readonly NpgsqlException ReadFailed = new("Exception while reading from stream", new EndOfStreamException());

    public static TheoryData<string, Exception> Losses() => new()
    {
        { "reading from a closed stream", ReadFailed },
        { "writing to a reset socket", new NpgsqlException("Exception while writing to stream", new IOException("", new SocketException(104))) },
        { "connecting", new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException(111)) },
        { "Marten's wrapper", new MartenCommandException(Command, ReadFailed) },
        { "admin shutdown", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "crash shutdown", new PostgresException("terminating connection because of crash of another server process", "FATAL", "FATAL", "57P02") },
        { "starting up", new MartenCommandException(Command, new PostgresException("starting up", "FATAL", "FATAL", "57P03")) },
        { "connection failure", new PostgresException("connection failure", "FATAL", "FATAL", "08006") },
        { "a timeout", new TimeoutException() },
        { "wrapped twice", new InvalidOperationException("outer", new AggregateException(new NpgsqlException("x", new IOException()))) },
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void a_lost_database_is_a_database_fault(string shape, Exception exception)
    {
        DatabaseFaults.Classify(exception, commitAttempted: false).Should().Be(DatabaseFault.Unavailable, shape);
        DatabaseFaults.Classify(exception, commitAttempted: true).Should().Be(DatabaseFault.ConnectionLost, shape);
    }

    [Fact]
    public async Task npgsql_refusing_a_connection_that_is_not_open_or_disposed_is_a_database_fault()
    {
        var connection = new NpgsqlConnection("Host=127.0.0.1;Database=nothing");
        var notOpen = await Record(() => new NpgsqlCommand("select 1", connection).ExecuteScalarAsync());
        notOpen.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("not open");
        DatabaseFaults.IsDatabaseLoss(notOpen!).Should().BeTrue();

        await connection.DisposeAsync();
        var disposed = await Record(() => connection.BeginTransactionAsync().AsTask());
        disposed.Should().BeOfType<ObjectDisposedException>();
        DatabaseFaults.IsDatabaseLoss(disposed!).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(NotLosses))]
    public void a_bug_or_a_refusal_is_not_a_database_fault(string shape, Exception exception) =>
        DatabaseFaults.Classify(exception, commitAttempted: true).Should().Be(DatabaseFault.None, shape);

    public static TheoryData<string, Exception> NotLosses() => new()
    {
        { "a unique violation", new MartenCommandException(Command, new PostgresException("duplicate key", "ERROR", "ERROR", "23505")) },
        { "a syntax error", new PostgresException("syntax error", "ERROR", "ERROR", "42601") },
        { "a plain bug", new InvalidOperationException("Connection is not open") },
        { "a disposed object of ours", new ObjectDisposedException("IdempotencyRecord") },
    };

    private static async Task<Exception?> Record(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
