using System.Text.Json;
using Alba;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Json.Schema;
using Xunit;

namespace BsgFunds.IntegrationTests.OpenApi;

/// <summary>Real answers validate against the served document's schema for their operation and status, as a generated client reads them.</summary>
public sealed class AnswersMatchDocumentTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_contribution_flow_and_its_problems_answer_what_the_document_says()
    {
        var document = ServedDocument.Parse(await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync());
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        await fo.Rate("USD", "2026-01", 0.90m);
        await fo.Rate("USD", "2026-03", 0.88m);
        var donor = await fo.Donor("United States of America", "MemberState", "US");

        var pledged = await fo.Send("POST", "/api/contributions", new
        {
            donorId = donor, source = "DevelopedCountryVoluntary", amount = new { amount = 100_000m, currency = "USD" }, pledgedOn = "2026-01-05",
        }, 201);
        await Matches(document, "PledgeContribution", pledged);
        var id = (await FinanceOffice.Read<IdAnswer>(pledged)).Id;
        await Matches(document, "GetContribution", await fo.Send("GET", $"/api/contributions/{id}", null, 200));

        await fo.Sign(id, 100_000m, "USD");
        await Matches(document, "SignAgreement", await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "AGR-2", amount = new { amount = 100_000m, currency = "USD" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = new { amount = 100_000m, currency = "USD" } } },
        }, 409));
        var received = await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 60_000m, currency = "USD" }, valueDate = "2026-03-10", bankReference = "BNK-0310" }, 201);
        await Matches(document, "RecordReceipt", received);
        await Matches(document, "GetContribution", await fo.Send("GET", $"/api/contributions/{id}", null, 200));
        await Matches(document, "GetTrialBalance", await fo.Send("GET", "/api/reports/trial-balance", null, 200));
        await Matches(document, "GetReceivables", await fo.Send("GET", "/api/reports/receivables", null, 200));

        await Matches(document, "PledgeContribution", await fo.Send("POST", "/api/contributions", new { }, 400));
        await Matches(document, "GetContribution", await fo.Send("GET", $"/api/contributions/{Guid.NewGuid()}", null, 404));
    }

    [Fact]
    public async Task a_signed_agreement_answers_what_the_document_says()
    {
        var document = ServedDocument.Parse(await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync());
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        await fo.Rate("USD", "2026-01", 0.90m);
        var id = await fo.Pledge(await fo.Donor("Japan", "MemberState", "JP"), "DevelopedCountryVoluntary", 50_000m, "USD");
        await Matches(document, "SignAgreement", await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15", reference = "AGR-1", amount = new { amount = 50_000m, currency = "USD" },
            instalments = new[] { new { dueOn = "2026-06-30", amount = new { amount = 50_000m, currency = "USD" } } },
            conditions = new[] { new { description = "A report on the workshop." } },
        }, 200));
        await Matches(document, "GetContribution", await fo.Send("GET", $"/api/contributions/{id}", null, 200));
    }

    private static async Task Matches(ServedDocument document, string operationId, IScenarioResult result)
    {
        var status = result.Context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = document.Operation(operationId)["responses"]![status];
        response.Should().NotBeNull($"{operationId} declares {status}");
        var mediaType = result.Context.Response.ContentType!.Split(';')[0];
        var declared = response!["content"]?[mediaType]?["schema"];
        declared.Should().NotBeNull($"{operationId} {status} declares {mediaType}");
        foreach (var header in response["headers"]?.AsObject().Where(h => (bool?)h.Value!["required"] == true).Select(h => h.Key) ?? [])
        {
            result.Context.Response.Headers.ContainsKey(header).Should().BeTrue($"{operationId} {status} declares the {header} header");
        }

        var schema = JsonSchema.FromText(document.JsonSchemaOf(declared!));
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        var evaluation = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        evaluation.IsValid.Should().BeTrue($"{operationId} {status} matches its schema; errors:\n{Errors(evaluation)}\nbody: {body.RootElement}");
    }

    private static string Errors(EvaluationResults results) => string.Join('\n', (results.Details ?? [])
        .Where(d => d.Errors is { Count: > 0 })
        .Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}"));
}
