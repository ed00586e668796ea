using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Contributions;

public class ContributionRulesTests(AppFixture app) : ApiTest(app)
{
    private async Task<(FinanceOffice Fo, Guid Donor, Guid Contribution)> Pledged(string currency = "USD")
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        var donor = await fo.Donor("Germany", "MemberState", "DE");
        return (fo, donor, await fo.Pledge(donor, "DevelopedCountryVoluntary", 1_000m, currency));
    }

    [Fact]
    public async Task a_receipt_before_the_agreement_is_a_409_and_writes_nothing()
    {
        var (fo, _, id) = await Pledged();
        var count = (await AllEvents()).Count;
        var problem = await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 10m, currency = "USD" }, valueDate = "2026-02-01", bankReference = "B1" }, 409));
        problem.Code.Should().Be("agreement-not-signed");
        (await AllEvents()).Should().HaveCount(count);
    }

    [Fact]
    public async Task a_missing_rate_is_a_422_that_names_the_currency_and_month()
    {
        var (fo, _, id) = await Pledged();
        var problem = await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "A-1", amount = new { amount = 1_000m, currency = "USD" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = 1_000m } }, conditions = Array.Empty<object>(),
        }, 422));
        problem.Code.Should().Be("exchange-rate-missing");
        problem.Detail.Should().Contain("USD").And.Contain("2026-01");

        await fo.Rate("USD", "2026-01", 0.9m);
        await fo.Sign(id, 1_000m, "USD");
        var receipt = await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 10m, currency = "USD" }, valueDate = "2026-02-01", bankReference = "B1" }, 422));
        receipt.Detail.Should().Contain("USD").And.Contain("2026-02");
    }

    [Fact]
    public async Task receipts_may_not_exceed_what_is_receivable_nor_repeat_a_bank_reference_nor_change_currency()
    {
        var (fo, _, id) = await Pledged();
        await fo.Rate("USD", "2026-01", 0.9m);
        await fo.Sign(id, 1_000m, "USD");
        await fo.Receive(id, 600m, "USD", "2026-01-20", "B1");
        var count = (await AllEvents()).Count;

        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 400.01m, currency = "USD" }, valueDate = "2026-01-21", bankReference = "B2" },
                422))).Code.Should().Be("receipt-exceeds-receivable");
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 1m, currency = "USD" }, valueDate = "2026-01-21", bankReference = "B1" },
                409))).Code.Should().Be("bank-reference-already-recorded");
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 1m, currency = "EUR" }, valueDate = "2026-01-21", bankReference = "B3" },
                422))).Code.Should().Be("receipt-currency-must-match-agreement");
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 1m, currency = "USD" }, valueDate = "2026-01-21", bankReference = "B4", rateToChf = 0.95m },
                400))).Errors.Should().ContainKey("rateReason");
        (await AllEvents()).Should().HaveCount(count);
    }

    [Theory]
    [InlineData("{\"donorId\":null,\"source\":\"Partnership\",\"amount\":{\"amount\":1,\"currency\":\"USD\"},\"pledgedOn\":\"2026-01-01\"}",
        "donorId")]
    [InlineData("{\"donorId\":\"DONOR\",\"source\":\"Gift\",\"amount\":{\"amount\":1,\"currency\":\"USD\"},\"pledgedOn\":\"2026-01-01\"}", "source")]
    [InlineData("{\"donorId\":\"DONOR\",\"source\":\"Partnership\",\"amount\":{\"amount\":1.001,\"currency\":\"USD\"},\"pledgedOn\":\"2026-01-01\"}",
        "amount.amount")]
    [InlineData("{\"donorId\":\"DONOR\",\"source\":\"Partnership\",\"amount\":{\"amount\":1,\"currency\":\"XXX\"},\"pledgedOn\":\"2026-01-01\"}",
        "amount.currency")]
    [InlineData("{\"donorId\":\"DONOR\",\"source\":\"Partnership\",\"amount\":{\"amount\":1,\"currency\":\"USD\"}}", "pledgedOn")]
    [InlineData("{\"donorId\":\"DONOR\",\"source\":\"Partnership\",\"amount\":{\"amount\":-5,\"currency\":\"USD\"},\"pledgedOn\":\"2026-01-01\"}",
        "amount")]
    [InlineData("{\"donorId\":\"DONOR\",\"source\":\"Partnership\",\"amount\":{\"amount\":1,\"currency\":\"USD\"},\"pledgedOn\":\"2026-01-01\","
        + "\"earmark\":{\"category\":\"Earmarked\",\"programme\":1}}", "earmark")]
    public async Task a_bad_pledge_is_a_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor("Germany", "MemberState", "DE");
        var count = (await AllEvents()).Count;
        var problem = await ProblemOf(await Send("POST", "/api/contributions", await TokenFor("FinanceOfficer"), rawBody: body.Replace("DONOR",
            donor.ToString()), expectedStatus: 400));
        problem.Errors.Should().ContainKey(field);
        (await AllEvents()).Should().HaveCount(count);
    }

    [Fact]
    public async Task a_source_that_does_not_fit_the_donor_is_a_422()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var senegal = await fo.Donor("Senegal", "MemberState", "SN");
        var problem = await ProblemOf(await fo.Send("POST", "/api/contributions",
            new { donorId = senegal, source = "DevelopedCountryVoluntary", amount = new { amount = 1m, currency = "USD" },
                pledgedOn = "2026-01-01" }, 422));
        problem.Code.Should().Be("source-does-not-fit-donor");
        (await ProblemOf(await fo.Send("POST", "/api/contributions",
            new { donorId = Guid.NewGuid(), source = "Partnership", amount = new { amount = 1m, currency = "USD" }, pledgedOn = "2026-01-01" },
                422))).Code.Should().Be("donor-not-found");
    }

    [Fact]
    public async Task an_unknown_contribution_is_404_for_reads_and_commands()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        await fo.Send("GET", $"/api/contributions/{Guid.NewGuid()}", null, 404);
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{Guid.NewGuid()}/write-offs", new { amount = new { amount = 1m,
            currency = "USD" }, reason = "r" }, 404)))
            .Code.Should().Be("contribution-not-found");
    }

    [Fact]
    public async Task instalments_must_add_up_and_a_second_agreement_is_a_conflict()
    {
        var (fo, _, id) = await Pledged("CHF");
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "A-1", amount = new { amount = 1_000m, currency = "CHF" },
            instalments = new object[] { new { dueOn = "2026-06-30", amount = 600m }, new { dueOn = "2026-12-31", amount = new { amount = 300m,
                currency = "CHF" } } },
        }, 400))).Code.Should().Be("instalments-must-sum-to-amount");
        await fo.Sign(id, 1_000m, "CHF");
        (await ProblemOf(await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "A-2", amount = new { amount = 1_000m, currency = "CHF" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = 1_000m } },
        }, 409))).Code.Should().Be("agreement-already-signed");
    }
}
