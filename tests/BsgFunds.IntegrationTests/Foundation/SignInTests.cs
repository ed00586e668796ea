using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Foundation;

public class SignInTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_development_token_carries_the_person_and_roles()
    {
        var token = await TokenFor("FinanceOfficer", "fo-42");
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlDecode(token.Split('.')[1]));
        payload.Should().Contain("\"sub\":\"fo-42\"").And.Contain("\"role\":[\"FinanceOfficer\"]");

        await Send("GET", "/api/exchange-rates?month=2026-01", token);
    }

    [Fact]
    public async Task a_donor_token_carries_its_donor_id()
    {
        var donorId = Guid.NewGuid();
        var token = await TokenFor("Donor", "donor-person", donorId);
        var payload = System.Text.Encoding.UTF8.GetString(Base64UrlDecode(token.Split('.')[1]));
        payload.Should().Contain($"\"donor_id\":\"{donorId}\"");
    }

    [Theory]
    [InlineData("{\"sub\":\"\",\"roles\":[\"FinanceOfficer\"]}", "sub")]
    [InlineData("{\"sub\":\"a\",\"roles\":[]}", "roles")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"Janitor\"]}", "roles")]
    [InlineData("{\"sub\":\"a\",\"roles\":[null]}", "roles")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"Donor\"]}", "donorId")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"FinanceOfficer\"],\"donorId\":\"6f1c8f4e-2b7a-4f0e-9a43-5b1d2c3e4f50\"}", "donorId")]
    public async Task a_bad_token_request_is_a_400_that_names_the_field(string body, string field)
    {
        var result = await Send("POST", "/api/dev/token", null, rawBody: body, expectedStatus: 400);
        var problem = await ProblemOf(result);
        problem.Errors.Should().ContainKey(field);
    }

    [Fact]
    public async Task without_a_token_the_api_answers_401_problem_details()
    {
        var result = await Send("GET", "/api/countries", null, expectedStatus: 401);
        (await ProblemOf(result)).Status.Should().Be(401);
    }

    [Fact]
    public async Task a_forged_token_is_refused()
    {
        var token = await TokenFor("FinanceOfficer");
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await Send("GET", "/api/countries", forged, expectedStatus: 401);
    }

    [Fact]
    public async Task a_role_that_is_not_allowed_gets_403_and_nothing_is_written()
    {
        var donor = await TokenFor("Donor", "d1", Guid.NewGuid());
        var result = await Send("PUT", "/api/exchange-rates/USD/2026-11", donor, new { rateToChf = 0.8m, source = "UN" }, 403);
        (await ProblemOf(result)).Status.Should().Be(403);
        (await AllEvents()).Should().BeEmpty();
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
