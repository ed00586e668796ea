using BsgFunds.Api.Setup;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
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
    [InlineData("{\"sub\":\"a\\u0000b\",\"roles\":[\"FinanceOfficer\"]}", "sub")]
    [InlineData("{\"sub\":\"a\",\"name\":\"Evil\\u202Eman\",\"roles\":[\"FinanceOfficer\"]}", "name")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"Janitor\"]}", "roles")]
    [InlineData("{\"sub\":\"a\",\"roles\":[null]}", "roles")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"Donor\"]}", "donorId")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"FinanceOfficer\"],\"donorId\":\"6f1c8f4e-2b7a-4f0e-9a43-5b1d2c3e4f50\"}", "donorId")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"Donor\",\"FinanceOfficer\"],\"donorId\":\"6f1c8f4e-2b7a-4f0e-9a43-5b1d2c3e4f50\"}", "roles")]
    [InlineData("{\"sub\":\"a\",\"roles\":[\"Auditor\",\"Donor\"],\"donorId\":\"6f1c8f4e-2b7a-4f0e-9a43-5b1d2c3e4f50\"}", "roles")]
    public async Task a_bad_token_request_is_a_400_that_names_the_field(string body, string field)
    {
        var result = await Send("POST", "/api/dev/token", null, rawBody: body, expectedStatus: 400);
        var problem = await ProblemOf(result);
        problem.Errors.Should().ContainKey(field);
        problem.Type.Should().Be("urn:bsgfunds:problem:dev-token-request-invalid");
    }

    [Fact]
    public async Task a_donor_who_is_also_staff_is_refused_on_commands_and_reads_and_nothing_is_written()
    {
        var donorId = Guid.NewGuid();
        var both = SignedToken("both-1", donorId, "Donor", "FinanceOfficer");

        var post = await Send("POST", "/api/donors", both, new { name = "Should not exist", type = "Foundation" }, 403);
        var problem = await ProblemOf(post);
        problem.Code.Should().Be("role-conflict");
        problem.Detail.Should().Contain("either staff or a donor");
        (await AllEvents()).Should().BeEmpty();

        (await ProblemOf(await Send("GET", "/api/donors", both, expectedStatus: 403))).Code.Should().Be("role-conflict");
        var statement = await Send("GET", $"/api/reports/donors/{donorId}/statement", both, expectedStatus: 403);
        (await ProblemOf(statement)).Code.Should().Be("role-conflict");
        (await ProblemOf(await Send("GET", "/api/reports/trial-balance", both, expectedStatus: 403))).Code.Should().Be("role-conflict");
    }

    [Fact]
    public async Task a_donor_alone_and_staff_alone_still_work()
    {
        var officer = SignedToken("fo-1", null, "FinanceOfficer", "Auditor");
        var created = await Send("POST", "/api/donors", officer, new { name = "A foundation", type = "Foundation" }, 201);
        var id = (await ReadAs<Created>(created)).Id;
        await Send("GET", "/api/reports/trial-balance", officer);

        var donor = SignedToken("donor-1", id, "Donor");
        var own = await ReadAs<OwnPage>(await Send("GET", "/api/donors", donor));
        own.Items.Should().ContainSingle().Which.Id.Should().Be(id);
    }

    private sealed record OwnPage(List<Created> Items, long Total);

    [Theory]
    [InlineData("fo\u0000x")]
    [InlineData("fo\u202Ex")]
    public async Task a_token_whose_person_is_not_plain_text_is_refused_and_nothing_is_written(string sub)
    {
        var token = SignedToken(sub, null, "FinanceOfficer");
        var before = (await AllEvents()).Count;
        var problem = await ProblemOf(await Send("POST", "/api/donors", token, new { name = "Never", type = "Foundation" }, 401));
        problem.Code.Should().Be("identity-invalid");
        (await ProblemOf(await Send("GET", "/api/donors", token, expectedStatus: 401))).Code.Should().Be("identity-invalid");
        (await AllEvents()).Should().HaveCount(before);
    }

    /// <summary>A token signed as the dev token endpoint would, for role sets it now refuses to sign.</summary>
    private string SignedToken(string sub, Guid? donorId, params string[] roles)
    {
        var config = Host.Services.GetRequiredService<IConfiguration>();
        var claims = new Dictionary<string, object> { ["sub"] = sub, ["name"] = sub, ["role"] = roles };
        if (donorId is { } id) claims["donor_id"] = id.ToString();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSetup.DevIssuer,
            Audience = AuthSetup.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(AuthSetup.DevSigningKey(config), SecurityAlgorithms.HmacSha256),
        });
    }

    private sealed record Created(Guid Id);

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
