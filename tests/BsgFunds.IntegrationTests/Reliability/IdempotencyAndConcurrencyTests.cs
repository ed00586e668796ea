using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace BsgFunds.IntegrationTests.Reliability;

public class IdempotencyAndConcurrencyTests(AppFixture app) : ApiTest(app)
{
    private async Task<(string Token, Guid Contribution)> Agreed()
    {
        var token = await TokenFor("FinanceOfficer", "fo-idem");
        var fo = new FinanceOffice(Host, token);
        var donor = await fo.Donor("Donor", "Foundation", null);
        var id = await fo.Pledge(donor, "OtherVoluntary", 1_000m, "CHF");
        await fo.Sign(id, 1_000m, "CHF");
        return (token, id);
    }

    private async Task<Alba.IScenarioResult> Post(string token, string url, object body, string? key = null, string? ifMatch = null,
        int? expected = null) =>
        await Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            if (key is not null) s.WithRequestHeader("Idempotency-Key", key);
            if (ifMatch is not null) s.WithRequestHeader("If-Match", ifMatch);
            if (expected is { } status) s.StatusCodeShouldBe(status);
            else s.IgnoreStatusCode();
        });

    [Fact]
    public async Task the_same_key_and_body_answers_the_first_response_again_and_writes_nothing()
    {
        var (token, id) = await Agreed();
        var receipt = new { amount = new { amount = 100m, currency = "CHF" }, valueDate = "2026-02-01", bankReference = "B-1" };
        var first = await Post(token, $"/api/contributions/{id}/receipts", receipt, "key-1", expected: 201);
        var count = (await AllEvents()).Count;

        var again = await Post(token, $"/api/contributions/{id}/receipts", receipt, "key-1", expected: 201);
        (await again.ReadAsTextAsync()).Should().Be(await first.ReadAsTextAsync());
        again.Context.Response.Headers["Idempotent-Replayed"].ToString().Should().Be("true");
        again.Context.Response.Headers.Location.ToString().Should().Be(first.Context.Response.Headers.Location.ToString());
        (await AllEvents()).Should().HaveCount(count);

        var different = await Post(token, $"/api/contributions/{id}/receipts", receipt with { bankReference = "B-2" }, "key-1", expected: 422);
        (await ProblemOf(different)).Code.Should().Be("idempotency-key-reused");
        (await AllEvents()).Should().HaveCount(count);

        // Keys are scoped per caller: another officer's "key-1" is a different key.
        var other = await TokenFor("FinanceOfficer", "fo-other");
        await Post(other, $"/api/contributions/{id}/receipts", receipt with { bankReference = "B-3" }, "key-1", expected: 201);
    }

    [Fact]
    public async Task concurrent_retries_with_one_key_apply_the_command_once()
    {
        var (token, id) = await Agreed();
        var receipt = new { amount = new { amount = 10m, currency = "CHF" }, valueDate = "2026-02-01", bankReference = "B-X" };
        var before = (await AllEvents()).Count;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Post(token, $"/api/contributions/{id}/receipts", receipt, "same-key")));
        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        statuses.Should().Contain(201);
        statuses.Should().OnlyContain(s => s == 201 || s == 409);
        (await AllEvents()).Should().HaveCount(before + 1, "one receipt, however many retries");
        (await new FinanceOffice(Host, token).Contribution(id)).ReceivedChf.Should().Be(10m);
    }

    [Fact]
    public async Task single_resources_carry_an_etag_and_a_stale_if_match_is_412()
    {
        var (token, id) = await Agreed();
        var read = await Send("GET", $"/api/contributions/{id}", token);
        var etag = read.Context.Response.Headers.ETag.ToString();
        etag.Should().Be("\"2\"", "pledge and agreement: version 2");

        var receipt = new { amount = new { amount = 10m, currency = "CHF" }, valueDate = "2026-02-01", bankReference = "E-1" };
        var ok = await Post(token, $"/api/contributions/{id}/receipts", receipt, ifMatch: etag, expected: 201);
        ok.Context.Response.Headers.ETag.ToString().Should().Be("\"3\"");
        var count = (await AllEvents()).Count;
        var stale = await Post(token, $"/api/contributions/{id}/receipts", receipt with { bankReference = "E-2" }, ifMatch: etag, expected: 412);
        (await ProblemOf(stale)).Code.Should().Be("precondition-failed");
        (await AllEvents()).Should().HaveCount(count);
    }

    [Fact]
    public async Task a_body_over_the_limit_is_413_and_a_caller_over_the_rate_is_429()
    {
        var token = await TokenFor("FinanceOfficer", "fo-big");
        var huge = new string('x', 300 * 1024);
        var big = await Post(token, "/api/donors", new { name = huge, type = "Foundation" }, expected: 413);
        (await ProblemOf(big)).Status.Should().Be(413);

        var limits = Host.Services.GetRequiredService<BsgFunds.Api.Setup.LimitOptions>();
        var saved = limits.RequestsPerSecondPerCaller;
        limits.RequestsPerSecondPerCaller = 5;
        try
        {
            var burst = await TokenFor("Auditor", $"burst-{Guid.NewGuid():N}");
            var results = new List<Alba.IScenarioResult>();
            for (var i = 0; i < 12; i++)
                results.Add(await Host.Scenario(s => { s.Get.Url("/api/countries/CH"); s.WithRequestHeader("Authorization",
                    $"Bearer {burst}"); s.IgnoreStatusCode(); }));
            var limited = results.Where(r => r.Context.Response.StatusCode == 429).ToList();
            limited.Should().NotBeEmpty();
            limited[0].Context.Response.Headers.RetryAfter.ToString().Should().NotBeEmpty();
            (await ProblemOf(limited[0])).Code.Should().Be("rate-limited");
        }
        finally
        {
            limits.RequestsPerSecondPerCaller = saved;
        }
    }

    [Fact]
    public async Task no_command_takes_fields_a_caller_may_not_set()
    {
        var po = await TokenFor("ProgrammeOfficer", "po");
        var allocation = await Host.Scenario(s =>
        {
            s.Post.Text("""{"year":2026,"programme":1,"use":"Translation","title":"t","amountChf":10,"approvedBy":"po"}""").ToUrl("/api/allocations");
            s.WithRequestHeader("Authorization", $"Bearer {po}");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        (await ProblemOf(allocation)).Errors.Should().ContainKey("approvedBy");

        var donorToken = await TokenFor("Donor", "d", Guid.NewGuid());
        await Send("POST", "/api/contributions", donorToken, new { donorId = Guid.NewGuid(), source = "Partnership" }, 403);
        (await AllEvents()).Should().BeEmpty();
    }
}
