using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace BsgFunds.IntegrationTests.Bounds;

/// <summary>The bounds every command shares (api.md "Bounds every command shares"): refused before any rule runs, nothing written.</summary>
public class SharedBoundsTests(AppFixture app) : ApiTest(app)
{
    private async Task<(FinanceOffice Office, Guid Donor)> Start()
    {
        var office = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await office.Rate("JPY", "2026-01", 0.006m);
        await office.Rate("USD", "2026-01", 0.9m);
        return (office, await office.Donor("Fondation Bounds", "Foundation", null));
    }

    private async Task<ProblemResponse> Refused(FinanceOffice office, string url, object body, int status, string code, string? field = null)
    {
        var before = (await AllEvents()).Count;
        var problem = await ProblemOf(await office.Send(url.StartsWith("/api/exchange-rates", StringComparison.Ordinal) ? "PUT" : "POST", url, body,
            status));
        problem.Code.Should().Be(code);
        if (field is not null) problem.Errors.Should().ContainKey(field);
        (await AllEvents()).Should().HaveCount(before, "a refused command writes nothing");
        return problem;
    }

    private static object Pledge(Guid donorId, object amount, string pledgedOn = "2026-01-05") =>
        new { donorId, source = "OtherVoluntary", amount, pledgedOn };

    [Theory]
    [InlineData("79228162514264337593543950335", "CHF")]
    [InlineData("12345678901234567890.12", "CHF")]
    [InlineData("2000000000000000", "JPY")]
    [InlineData("1000000000000.01", "CHF")]
    public async Task an_amount_above_ten_to_the_twelve_is_refused(string amount, string currency)
    {
        var (office, donor) = await Start();
        var body = $$"""
            { "donorId": "{{donor}}", "source": "OtherVoluntary", "amount": { "amount": {{amount}}, "currency": "{{currency}}" },
              "pledgedOn": "2026-01-05" }
            """;
        var before = (await AllEvents()).Count;
        var problem = await ProblemOf(await Send("POST", "/api/contributions", office.Token, expectedStatus: 400, rawBody: body));
        problem.Code.Should().Be("amount-too-large");
        problem.Errors.Should().ContainKey("amount.amount");
        (await AllEvents()).Should().HaveCount(before);
    }

    [Fact]
    public async Task an_amount_whose_chf_equivalent_is_above_ten_to_the_twelve_is_refused()
    {
        var (office, donor) = await Start();
        await office.Rate("KWD", "2026-01", 2.6m);
        var id = (await FinanceOffice.Read<IdAnswer>(await office.Send("POST", "/api/contributions",
            Pledge(donor, new { amount = 500_000_000_000m, currency = "USD" }), 201))).Id;
        await Refused(office, "/api/contributions", Pledge(donor, new { amount = 999_000_000_000m, currency = "KWD" }), 400, "amount-too-large",
            "amount");
        await office.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "AGR-BIG", amount = new { amount = 500_000_000_000m, currency = "USD" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = 500_000_000_000m } },
        }, 200);
        await Refused(office, $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 400_000_000_000m, currency = "USD" }, valueDate = "2026-01-20", bankReference = "B1", rateToChf = 3m,
                rateReason = "typo" },
            400, "amount-too-large", "amount");
    }

    [Fact]
    public async Task reports_sum_amounts_at_the_bound_without_overflowing()
    {
        var (office, _) = await Start();
        for (var i = 0; i < 3; i++)
        {
            var donor = await office.Donor($"Donor {i}", "Foundation", null);
            var id = await office.Pledge(donor, "OtherVoluntary", Domain.Bounds.MaxAmount, "CHF");
            await office.Sign(id, Domain.Bounds.MaxAmount, "CHF");
            await office.Receive(id, Domain.Bounds.MaxAmount, "CHF", "2026-02-01", $"MAX-{i}");
        }

        var auditor = await TokenFor("Auditor", "au-1");
        var lineItems = await ReadAs<Reports.LineItemsAnswer>(await Send("GET", "/api/reports/line-items?year=2026", auditor));
        lineItems.Totals.ReceivedChf.Should().Be(3 * Domain.Bounds.MaxAmount);
        await Send("GET", "/api/reports/funding-sources?year=2026", auditor);
        await Send("GET", "/api/reports/implementation?year=2026", auditor);
        (await office.TrialBalance()).Balance("Assets:Cash").Should().Be(3 * Domain.Bounds.MaxAmount);
    }

    [Theory]
    [InlineData("A\u0000B")]
    [InlineData("Evil\u202Egnp.exe")]
    [InlineData("Zero\u200Bwidth")]
    [InlineData("Line\nbreak")]
    [InlineData("\uFEFFBom")]
    public async Task text_with_control_bidirectional_or_invisible_characters_is_refused(string name)
    {
        var (office, donor) = await Start();
        await Refused(office, "/api/donors", new { name, type = "Foundation" }, 400, "text-not-allowed", "name");
        await Refused(office, "/api/exchange-rates/EUR/2026-01", new { rateToChf = 0.95m, source = name }, 400, "text-not-allowed", "source");
        var id = await office.Pledge(donor, "OtherVoluntary", 1000m, "CHF");
        await office.Sign(id, 1000m, "CHF");
        await Refused(office, $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 10m, currency = "CHF" }, valueDate = "2026-02-01", bankReference = name }, 400, "text-not-allowed",
                "bankReference");
        var po = new FinanceOffice(Host, await TokenFor("ProgrammeOfficer", "po-1"));
        await Refused(po, "/api/allocations", new { year = 2026, programme = 1, use = "Training", title = name, amountChf = 10m }, 400,
            "text-not-allowed", "title");
    }

    [Fact]
    public async Task a_text_in_a_nested_field_is_named_by_its_path()
    {
        var (office, donor) = await Start();
        var id = await office.Pledge(donor, "OtherVoluntary", 1000m, "CHF");
        await Refused(office, $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "AGR-1", amount = new { amount = 1000m, currency = "CHF" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = 1000m } },
            conditions = new[] { new { description = "ok" }, new { description = "bad\u0007" } },
        }, 400, "text-not-allowed", "conditions[1].description");
    }

    [Fact]
    public async Task names_are_kept_in_unicode_nfc()
    {
        var (office, _) = await Start();
        var id = await office.Donor("Fondation Cafe\u0301", "Foundation", null);
        var donor = await FinanceOffice.Read<DonorNameAnswer>(await office.Send("GET", $"/api/donors/{id}", null, 200));
        donor.Name.Should().Be("Fondation Caf\u00E9");
    }

    [Fact]
    public async Task facts_dated_after_today_in_geneva_are_refused_with_422()
    {
        var (office, donor) = await Start();
        var tomorrow = Domain.Bounds.Today(Clock.GetUtcNow()).AddDays(18).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Refused(office, "/api/contributions", Pledge(donor, new { amount = 10m, currency = "CHF" }, tomorrow), 422, "date-in-future");
        var id = await office.Pledge(donor, "OtherVoluntary", 1000m, "CHF");
        await Refused(office, $"/api/contributions/{id}/agreement", new
        {
            signedOn = tomorrow, reference = "AGR-1", amount = new { amount = 1000m, currency = "CHF" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = 1000m } },
        }, 422, "date-in-future");
        await office.Sign(id, 1000m, "CHF");
        var problem = await Refused(office, $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 10m, currency = "CHF" }, valueDate = tomorrow, bankReference = "B1" }, 422, "date-in-future");
        problem.Detail.Should().Contain("valueDate");
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("9999-12-31")]
    public async Task business_dates_before_2000_or_more_than_ten_years_ahead_are_refused_with_400(string pledgedOn)
    {
        var (office, donor) = await Start();
        await Refused(office, "/api/contributions", Pledge(donor, new { amount = 10m, currency = "CHF" }, pledgedOn), 400, "date-out-of-range",
            "pledgedOn");
    }

    [Fact]
    public async Task forward_looking_dates_may_lie_up_to_ten_years_ahead()
    {
        var (office, donor) = await Start();
        var today = Domain.Bounds.Today(Clock.GetUtcNow());
        var id = await office.Pledge(donor, "OtherVoluntary", 1000m, "CHF");
        object Agreement(DateOnly due) => new
        {
            signedOn = "2026-01-15", reference = "AGR-1", amount = new { amount = 1000m, currency = "CHF" },
            instalments = new[] { new { dueOn = due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), amount = 1000m } },
        };
        await Refused(office, $"/api/contributions/{id}/agreement", Agreement(today.AddYears(10).AddDays(1)), 400, "date-out-of-range",
            "instalments[0].dueOn");
        await office.Send("POST", $"/api/contributions/{id}/agreement", Agreement(today.AddYears(9)), 200);
    }

    [Theory]
    [InlineData("""{ "name": "A", "name": "B", "type": "Foundation" }""", "name")]
    [InlineData("""{ "name": "A", "type": "Foundation", "type": "Academia" }""", "type")]
    public async Task a_property_named_twice_is_refused(string body, string field)
    {
        var (office, _) = await Start();
        var before = (await AllEvents()).Count;
        var problem = await ProblemOf(await Send("POST", "/api/donors", office.Token, expectedStatus: 400, rawBody: body));
        problem.Code.Should().Be("json-property-repeated");
        problem.Errors.Should().ContainKey(field);
        (await AllEvents()).Should().HaveCount(before);
    }

    [Fact]
    public async Task a_money_property_named_twice_is_refused()
    {
        var (office, donor) = await Start();
        var body = $$"""
            { "donorId": "{{donor}}", "source": "OtherVoluntary", "amount": { "amount": 1, "amount": 1000000, "currency": "CHF" },
              "pledgedOn": "2026-01-05" }
            """;
        var problem = await ProblemOf(await Send("POST", "/api/contributions", office.Token, expectedStatus: 400, rawBody: body));
        problem.Code.Should().Be("json-property-repeated");
    }

    [Fact]
    public void every_command_body_of_every_endpoint_is_checked_as_it_is_read()
    {
        var options = Host.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var commands = Api.Http.RequestBounds.CommandTypes;
        commands.Should().Contain([typeof(Api.Contributions.RecordReceipt), typeof(Api.Contributions.AmendAgreement),
            typeof(Api.Donors.RegisterDonor)]);
        commands.Count.Should().BeGreaterThanOrEqualTo(20);
        commands.Should().NotContain([typeof(Api.Audit.LocalDaemon), typeof(Api.Transparency.TreeHeadSigningKey)], "they are services, not bodies");
        foreach (var command in commands)
        {
            var texts = command.GetProperties().Where(p => p.PropertyType == typeof(string)).ToList();
            foreach (var text in texts)
            {
                var json = $$"""{ "{{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(text.Name)}}": "bad\u0000" }""";
                var read = () => System.Text.Json.JsonSerializer.Deserialize(json, command, options);
                read.Should().Throw<System.Text.Json.JsonException>($"{command.Name}.{text.Name} carries a NUL");
            }
        }
    }

    [Theory]
    [InlineData("/api/contributions?donorId=abc", "donorId")]
    [InlineData("/api/reports/line-items?year=99999999999", "year")]
    public async Task a_query_parameter_of_the_wrong_type_is_refused_with_a_code(string url, string parameter)
    {
        var problem = await ProblemOf(await Send("GET", url, await TokenFor("Auditor", "au-1"), expectedStatus: 400));
        problem.Code.Should().Be("query-invalid");
        problem.Errors.Should().ContainKey(parameter);
    }

    [Theory]
    [InlineData("2026-03%0A")]
    [InlineData("%D9%A2%D9%A0%D9%A2%D9%A6-%D9%A0%D9%A3")]
    [InlineData("1999-12")]
    public async Task a_month_in_the_route_is_ascii_yyyy_mm_within_the_bounds(string month)
    {
        var (office, _) = await Start();
        var before = (await AllEvents()).Count;
        var problem = await ProblemOf(await office.Send("PUT", $"/api/exchange-rates/USD/{month}", new { rateToChf = 0.91m, source = "x" }, 400));
        problem.Code.Should().BeOneOf("month-malformed", "date-out-of-range");
        (await AllEvents()).Should().HaveCount(before);
    }

    private sealed record DonorNameAnswer(Guid Id, string Name);
}
