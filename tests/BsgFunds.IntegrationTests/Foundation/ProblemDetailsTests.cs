using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Xunit;

namespace BsgFunds.IntegrationTests.Foundation;

public class ProblemDetailsTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task malformed_json_is_a_400_problem_and_nothing_is_written()
    {
        var token = await TokenFor("FinanceOfficer");
        var result = await Send("PUT", "/api/exchange-rates/USD/2026-11", token, rawBody: "{\"rateToChf\": 0.8,", expectedStatus: 400);
        var problem = await ProblemOf(result);
        problem.Code.Should().Be("json-invalid");
        problem.Errors.Should().NotBeEmpty();
        (await AllEvents()).Should().BeEmpty();
    }

    [Fact]
    public async Task malformed_json_is_logged_once_at_information_level_without_a_stack_trace()
    {
        var token = await TokenFor("FinanceOfficer");
        var correlation = $"malformed-{Guid.NewGuid():N}";
        await Host.Scenario(s =>
        {
            s.Put.Text("{\"rateToChf\": 0.8,").ToUrl("/api/exchange-rates/USD/2026-11");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.WithRequestHeader("X-Correlation-Id", correlation);
            s.StatusCodeShouldBe(400);
        });

        var entries = Logs.For(correlation);
        entries.Should().NotBeEmpty("the request's log entries are captured");
        entries.Should().NotContain(e => e.Level >= LogLevel.Warning);
        entries.Should().NotContain(e => e.Exception != null || e.Message.Contains("   at "));
        entries.Where(e => e.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase)).Should().ContainSingle()
            .Which.Level.Should().Be(LogLevel.Information);
    }

    [Fact]
    public async Task an_unknown_property_is_refused_by_name()
    {
        var token = await TokenFor("FinanceOfficer");
        var result = await Send("PUT", "/api/exchange-rates/USD/2026-11", token,
            rawBody: "{\"rateToChf\": 0.8, \"source\": \"UN\", \"approvedBy\": \"me\"}", expectedStatus: 400);
        var problem = await ProblemOf(result);
        problem.Errors.Should().ContainKey("approvedBy");
        problem.Detail.Should().NotContain("BsgFunds.", "no .NET type names leak to clients");
        (await AllEvents()).Should().BeEmpty();
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_is_refused_by_field()
    {
        var token = await TokenFor("FinanceOfficer");
        var result = await Send("PUT", "/api/countries/SN/classifications", token,
            rawBody: "{\"group\": \"Rich\", \"from\": \"2020-01-01\"}", expectedStatus: 400);
        (await ProblemOf(result)).Errors.Should().ContainKey("group");
    }

    [Fact]
    public async Task an_empty_or_null_body_is_a_400()
    {
        var token = await TokenFor("FinanceOfficer");
        await Send("PUT", "/api/exchange-rates/USD/2026-11", token, rawBody: "null", expectedStatus: 400);
        await Send("PUT", "/api/exchange-rates/USD/2026-11", token, rawBody: "", expectedStatus: 400);
        (await AllEvents()).Should().BeEmpty();
    }

    [Fact]
    public async Task an_unknown_route_is_a_404_problem()
    {
        var token = await TokenFor("Auditor");
        var result = await Send("GET", "/api/no-such-thing", token, expectedStatus: 404);
        (await ProblemOf(result)).Status.Should().Be(404);
    }

    [Fact]
    public async Task an_unhandled_exception_is_a_500_problem_without_internals()
    {
        var token = await TokenFor("Auditor");
        var result = await Send("GET", AppFixture.ThrowPath, token, expectedStatus: 500);
        var body = await result.ReadAsTextAsync();
        result.Context.Response.ContentType.Should().StartWith("application/problem+json");
        body.Should().NotContain("secret internal detail").And.NotContain("   at ");
    }

    [Fact]
    public async Task the_correlation_id_is_returned_and_one_is_made_when_none_is_sent()
    {
        var token = await TokenFor("Auditor");
        var given = await Host.Scenario(s =>
        {
            s.Get.Url("/api/countries/CH");
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.WithRequestHeader("X-Correlation-Id", "finance-tool-7");
        });
        given.Context.Response.Headers["X-Correlation-Id"].ToString().Should().Be("finance-tool-7");

        var made = await Send("GET", "/api/countries/CH", token);
        made.Context.Response.Headers["X-Correlation-Id"].ToString().Should().NotBeNullOrEmpty();
    }
}
