using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Contract;

/// <summary>Clients generated from the served OpenAPI document work end to end (issue: the document is a contract).</summary>
public class GeneratedClientTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task a_csharp_client_generated_by_nswag_runs_the_whole_flow()
    {
        var document = await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync();
        var program = await GeneratedClient.BuildAsync(document, "ClientFlow.cs.txt");
        var flow = program.GetType("BsgFunds.ClientProgram.ClientFlow")!.GetMethod("RunAsync")!;
        var result = await (Task<string>)flow.Invoke(null, [Host.Server.CreateClient()])!;
        result.Should().NotBeEmpty();
    }
}
