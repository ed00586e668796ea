using BsgFunds.Domain.ExchangeRates;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.ReferenceData;

public class ExchangeRateTests(AppFixture app) : ApiTest(app)
{
    private sealed record RateView(string Currency, string Month, decimal RateToChf, string Source, string RecordedBy);

    [Fact]
    public async Task a_recorded_rate_is_read_back_for_its_month_only()
    {
        var officer = await TokenFor("FinanceOfficer", "fo-1");
        await Send("PUT", "/api/exchange-rates/USD/2026-11", officer, new { rateToChf = 0.8123m, source = "UN operational rate" });
        await Send("PUT", "/api/exchange-rates/JPY/2026-11", officer, new { rateToChf = 0.005745m, source = "UN operational rate" });
        await Send("PUT", "/api/exchange-rates/USD/2026-12", officer, new { rateToChf = 0.8200m, source = "UN operational rate" });

        var reader = await TokenFor("Donor", "donor-1", Guid.NewGuid());
        var november = await ReadAs<PageAnswer<RateView>>(await Send("GET", "/api/exchange-rates?month=2026-11", reader));
        november!.Items.Should().BeEquivalentTo(new[]
        {
            new RateView("JPY", "2026-11", 0.005745m, "UN operational rate", "fo-1"),
            new RateView("USD", "2026-11", 0.8123m, "UN operational rate", "fo-1"),
        }, o => o.WithStrictOrdering());

        var october = await ReadAs<PageAnswer<RateView>>(await Send("GET", "/api/exchange-rates?month=2026-10", reader));
        october!.Items.Should().BeEmpty();
    }

    [Fact]
    public async Task a_corrected_rate_supersedes_the_first_and_both_stay_in_the_ledger()
    {
        var officer = await TokenFor("FinanceOfficer");
        await Send("PUT", "/api/exchange-rates/EUR/2026-03", officer, new { rateToChf = 0.95m, source = "UN operational rate" });
        await Send("PUT", "/api/exchange-rates/EUR/2026-03", officer, new { rateToChf = 0.9412m, source = "UN operational rate, corrected" });

        var month = await ReadAs<PageAnswer<RateView>>(await Send("GET", "/api/exchange-rates?month=2026-03", officer));
        month!.Items.Should().ContainSingle().Which.RateToChf.Should().Be(0.9412m);
        (await AllEvents()).Select(e => ((ExchangeRateRecorded)e.Data).RateToChf).Should().Equal(0.95m, 0.9412m);
    }

    [Fact]
    public async Task recording_the_same_rate_twice_writes_one_event()
    {
        var officer = await TokenFor("FinanceOfficer");
        await Send("PUT", "/api/exchange-rates/GBP/2026-03", officer, new { rateToChf = 1.12m, source = "UN" });
        await Send("PUT", "/api/exchange-rates/GBP/2026-03", officer, new { rateToChf = 1.12m, source = "UN" });
        (await AllEvents()).Should().HaveCount(1);
    }

    [Theory]
    [InlineData("/api/exchange-rates/USD/2026-11", "{\"rateToChf\": 0, \"source\": \"UN\"}", "rateToChf", "exchange-rate-not-positive")]
    [InlineData("/api/exchange-rates/USD/2026-11", "{\"rateToChf\": -0.8, \"source\": \"UN\"}", "rateToChf", "exchange-rate-not-positive")]
    [InlineData("/api/exchange-rates/XYZ/2026-11", "{\"rateToChf\": 0.8, \"source\": \"UN\"}", "currency", "currency-unknown")]
    [InlineData("/api/exchange-rates/CHF/2026-11", "{\"rateToChf\": 1, \"source\": \"UN\"}", "currency", "reporting-currency-has-no-rate")]
    [InlineData("/api/exchange-rates/USD/2026-13", "{\"rateToChf\": 0.8, \"source\": \"UN\"}", "month", "month-malformed")]
    [InlineData("/api/exchange-rates/USD/November", "{\"rateToChf\": 0.8, \"source\": \"UN\"}", "month", "month-malformed")]
    [InlineData("/api/exchange-rates/USD/2026-11", "{\"source\": \"UN\"}", "rateToChf", "request-invalid")]
    [InlineData("/api/exchange-rates/USD/2026-11", "{\"rateToChf\": 0.8}", "source", "request-invalid")]
    [InlineData("/api/exchange-rates/USD/2026-11", "{\"rateToChf\": \"0.8\", \"source\": \"UN\"}", "rateToChf", "json-invalid")]
    public async Task a_bad_rate_is_a_400_that_says_what_is_wrong_and_writes_nothing(string url, string body, string field, string code)
    {
        var officer = await TokenFor("FinanceOfficer");
        var problem = await ProblemOf(await Send("PUT", url, officer, rawBody: body, expectedStatus: 400));
        problem.Code.Should().Be(code);
        problem.Errors.Should().ContainKey(field);
        problem.Detail.Should().NotBeNullOrWhiteSpace();
        (await AllEvents()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/exchange-rates")]
    [InlineData("/api/exchange-rates?month=2026-1")]
    [InlineData("/api/exchange-rates?month=yesterday")]
    public async Task reading_rates_needs_a_well_formed_month(string url)
    {
        var token = await TokenFor("Auditor");
        (await ProblemOf(await Send("GET", url, token, expectedStatus: 400))).Errors.Should().ContainKey("month");
    }

    [Fact]
    public async Task the_stored_event_names_who_acted_in_which_role_and_the_correlation_id()
    {
        var officer = await TokenFor("FinanceOfficer", "fo-7");
        await Host.Scenario(s =>
        {
            s.Put.Json(new { rateToChf = 0.8123m, source = "UN operational rate" }).ToUrl("/api/exchange-rates/USD/2026-11");
            s.WithRequestHeader("Authorization", $"Bearer {officer}");
            s.WithRequestHeader("X-Correlation-Id", "req-2026-11-30-001");
        });

        var stored = (await AllEvents()).Should().ContainSingle().Subject;
        stored.CorrelationId.Should().Be("req-2026-11-30-001");
        stored.UserName.Should().Be("fo-7");
        stored.Headers.Should().NotBeNull();
        stored.Headers!["sub"].ToString().Should().Be("fo-7");
        stored.Headers["name"].ToString().Should().Be("Test fo-7");
        stored.Headers["role"].ToString().Should().Be("FinanceOfficer");
        ((ExchangeRateRecorded)stored.Data).RecordedBy.Should().Be("fo-7");
    }
}
