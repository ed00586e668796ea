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
        // tests/contract/prism.sh points the flow at Prism's proxy in front of a real API process to count violations.
        var external = Environment.GetEnvironmentVariable("BSGFUNDS_CONTRACT_BASE_URL");
        Func<HttpClient> connect = external is null ? Host.Server.CreateClient : () => new HttpClient { BaseAddress = new Uri(external) };
        var result = await (Task<string>)flow.Invoke(null, [connect])!;
        result.Should().StartWith("90000");
    }

    [Fact]
    public async Task a_typescript_client_from_openapi_typescript_type_checks_under_tsc_strict_and_refuses_omitted_required_fields()
    {
        var folder = Directory.CreateTempSubdirectory("bsgfunds-ts-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "swagger.json"), await (await Send("GET", "/swagger/v1/swagger.json",
            null)).ReadAsTextAsync());
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Contract", "usage.ts.txt"), Path.Combine(folder, "usage.ts"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Contract", "tsconfig.json.txt"), Path.Combine(folder, "tsconfig.json"));
        var tools = Path.Combine(GeneratedClient.RepositoryRoot, "tests", "contract", "node_modules", ".bin");
        File.Exists(Path.Combine(tools, "tsc")).Should().BeTrue("deploy/test.sh installs the contract tools from tests/contract/package-lock.json");

        await GeneratedClient.RunAsync(Path.Combine(tools, "openapi-typescript"), ["swagger.json", "--output", "api.d.ts"], folder);
        await GeneratedClient.RunAsync(Path.Combine(tools, "tsc"), ["--project", "tsconfig.json"], folder);
    }
}

/// <summary>The contract check every answer of the suite passes through (<see cref="ContractValidation"/>) catches a document that lies.</summary>
public class ContractValidationTests(AppFixture app) : ApiTest(app)
{
    [Fact]
    public async Task an_answer_that_breaks_the_served_document_fails_the_test_that_received_it()
    {
        var served = ContractValidation.Document!;
        var fo = await TokenFor("FinanceOfficer", "fo-1");
        var id = (await ReadAs<Created>(await Send("POST", "/api/donors", fo, new { name = "Checked", type = "Foundation" }, 201))).Id;
        await Send("GET", $"/api/donors/{id}", fo);

        var lying = OpenApi.ServedDocument.Parse(served.Root.ToJsonString());
        lying.Schema("Api.Donors.DonorView")["required"]!.AsArray().Add("iban");
        ContractValidation.Document = lying;
        try
        {
            var result = await Send("GET", $"/api/donors/{id}", fo, expectedStatus: ContractValidation.ViolationStatus);
            (await result.ReadAsTextAsync()).Should().Contain("iban");
        }
        finally
        {
            ContractValidation.Document = served;
        }
    }

    private sealed record Created(Guid Id);
}
