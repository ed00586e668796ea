using System.Text.Json.Nodes;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.OpenApi;

/// <summary>The served document is a contract a client can generate code from: it says what the API requires and answers.</summary>
public sealed class OpenApiContractTests(AppFixture app) : ApiTest(app)
{
    private async Task<ServedDocument> Served() =>
        ServedDocument.Parse(await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync());

    [Fact]
    public async Task every_operation_has_an_id_a_typed_success_body_and_problem_details_for_errors()
    {
        var document = await Served();
        document.Operations().Should().Contain(o => o.Path == "/api/dev/token");
        foreach (var (path, method, operation) in document.Operations())
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            ((string?)operation["operationId"]).Should().NotBeNullOrEmpty($"{name} has an operationId");
            var responses = operation["responses"]!.AsObject();
            responses.Should().Contain(r => r.Key.StartsWith('2'), $"{name} declares its success");
            foreach (var (status, response) in responses)
            {
                var content = response!["content"]?.AsObject();
                if (status.StartsWith('2') && status != "204")
                {
                    content.Should().NotBeNull($"{name} {status} has a body");
                    content!.Select(c => c.Value!["schema"]).Should().NotContainNulls($"{name} {status} types each media type");
                }
                else if (status[0] is '4' or '5')
                {
                    content!.Select(c => c.Key).Should().Equal(["application/problem+json"], $"{name} {status} is a problem");
                    var schema = document.Resolve(content!["application/problem+json"]!["schema"]!);
                    if (status == "400") schema["properties"]!.AsObject().Should().ContainKey("errors", $"{name} 400 is a validation problem");
                    if (status is "429" or "503") response["headers"]!.AsObject().Should().ContainKey("Retry-After");
                }

                if (status == "201") response["headers"]!.AsObject().Should().ContainKey("Location", $"{name} 201 says where");
            }
        }
    }

    [Fact]
    public async Task reports_exports_and_the_journal_declare_each_media_type_they_serve()
    {
        var document = await Served();
        foreach (var id in new[] { "GetLineItems", "GetTrialBalance", "GetReceivables", "GetDonorStatement" })
        {
            var content = document.Operation(id)["responses"]!["200"]!["content"]!.AsObject();
            content.Select(c => c.Key).Should().BeEquivalentTo(["application/json", "text/csv"], id);
            document.Resolve(content["application/json"]!["schema"]!)["properties"].Should().NotBeNull($"{id} JSON is typed");
            ((string?)content["text/csv"]!["schema"]!["type"]).Should().Be("string");
        }

        ((string?)document.Operation("GetJournal")["responses"]!["200"]!["content"]!["text/plain"]!["schema"]!["type"]).Should().Be("string");
        document.Operation("ExportIati")["responses"]!["200"]!["content"]!.AsObject().Should().ContainKey("application/xml");
        document.Operation("ExportEvents")["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key)
            .Should().BeEquivalentTo(["application/json", "application/x-ndjson"]);
        document.Operation("GetContribution")["responses"]!["200"]!["headers"]!.AsObject().Should().ContainKey("ETag");
    }

    [Fact]
    public async Task commands_require_what_validation_refuses_without_and_keep_optional_fields_optional()
    {
        var document = await Served();
        var money = document.Schema("Api.Setup.MoneyInput");
        ServedDocument.Required(money).Should().BeEquivalentTo(["amount", "currency"]);
        ServedDocument.Nullable(money["properties"]!["amount"]!).Should().BeFalse();
        var pledge = document.Schema("Api.Contributions.PledgeContribution");
        ServedDocument.Required(pledge).Should().BeEquivalentTo(["donorId", "source", "amount", "pledgedOn"]);
        ServedDocument.Nullable(pledge["properties"]!["earmark"]!).Should().BeTrue("a pledge may leave the earmark out");
        var donor = document.Schema("Api.Donors.RegisterDonor");
        ServedDocument.Required(donor).Should().BeEquivalentTo(["name", "type"]);
        ServedDocument.Nullable(donor["properties"]!["name"]!).Should().BeFalse();
        ServedDocument.Required(document.Schema("Api.Contributions.RecordReceipt")).Should().BeEquivalentTo(["amount", "valueDate", "bankReference"]);
    }

    [Fact]
    public async Task answers_require_every_member_and_are_nullable_only_where_null_is_possible()
    {
        var document = await Served();
        var view = document.Schema("Api.Contributions.ContributionView");
        var properties = view["properties"]!.AsObject();
        ServedDocument.Required(view).Should().BeEquivalentTo(properties.Select(p => p.Key));
        foreach (var name in new[] { "agreement", "agreed", "withdrawal", "version", "moneyEvents" })
        {
            ServedDocument.Nullable(properties[name]!).Should().BeTrue($"{name} is null before it happens");
        }

        foreach (var name in new[] { "id", "status", "earmark", "pledged", "pledgedOn", "receivedChf" })
        {
            ServedDocument.Nullable(properties[name]!).Should().BeFalse($"{name} always has a value");
        }

        var earmark = document.Schema("Domain.Contributions.Earmark")["properties"]!.AsObject();
        ServedDocument.Nullable(earmark["use"]!).Should().BeTrue("a pooled earmark has no use");
        ServedDocument.Nullable(earmark["category"]!).Should().BeFalse();
        ((string?)document.Schema("Domain.Contributions.UseOfFunds")["type"]).Should().Be("string", "enums are written as their names");
        var disbursement = document.Schema("Api.Disbursements.DisbursementView")["properties"]!.AsObject();
        foreach (var name in new[] { "approved", "certified", "paid", "cancelled" })
        {
            ServedDocument.Nullable(disbursement[name]!).Should().BeTrue($"a disbursement is {name} only once it happens");
        }
    }

    [Fact]
    public async Task dates_instants_months_currencies_and_countries_have_their_formats()
    {
        var document = await Served();
        ((string?)document.Root["servers"]![0]!["url"]).Should().Be("/");
        ((string?)document.Operation("IssueDevToken")["operationId"]).Should().Be("IssueDevToken");
        var pledge = document.Schema("Api.Contributions.PledgeContribution")["properties"]!;
        ((string?)pledge["pledgedOn"]!["format"]).Should().Be("date");
        var money = document.Schema("Api.Setup.MoneyInput")["properties"]!;
        money["currency"]!["enum"]!.AsArray().Select(c => (string?)c).Should().Contain(["CHF", "USD", "EUR"]).And.NotContain("XXY");
        ((string?)document.Schema("Domain.Money")["properties"]!["currency"]!["enum"]![0]).Should().NotBeNull();
        ((string?)document.Schema("Api.Donors.RegisterDonor")["properties"]!["countryCode"]!["pattern"]).Should().Be("^[A-Z]{2}$");
        ((string?)Parameter(document, "GetTrialBalance", "asOf")["format"]).Should().Be("date-time");
        ((string?)Parameter(document, "GetDonorStatement", "from")["format"]).Should().Be("date");
        ((string?)Parameter(document, "RecordExchangeRate", "month")["pattern"]).Should().Be(@"^\d{4}-(0[1-9]|1[0-2])$");
        Parameter(document, "RecordExchangeRate", "currency")["enum"]!.AsArray().Should().Contain(c => (string?)c == "CHF");
    }

    private static JsonNode Parameter(ServedDocument document, string operationId, string name) =>
        document.Operation(operationId)["parameters"]!.AsArray().Single(p => (string?)p!["name"] == name)!["schema"]!;
}
