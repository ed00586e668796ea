using System.Text.Json.Nodes;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Contract;

/// <summary>
/// The staff console's client is generated at build time from src/BsgFunds.Console/openapi.json, so that the build needs no
/// running API; this keeps that copy equal to the document the API serves, so the console can never drift from the contract.
/// </summary>
public class ConsoleDocumentTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task the_console_s_committed_openapi_document_is_the_one_the_api_serves()
    {
        var served = JsonNode.Parse(await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync());
        var path = Path.Combine(GeneratedClient.RepositoryRoot, "src", "BsgFunds.Console", "openapi.json");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        JsonNode.DeepEquals(served, committed).Should().BeTrue(
            "src/BsgFunds.Console/openapi.json must equal the served document: regenerate it with "
            + "`bash src/BsgFunds.Console/update-openapi.sh` (docs/console.md), then rebuild the console");
    }
}
