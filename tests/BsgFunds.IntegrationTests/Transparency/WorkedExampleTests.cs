using BsgFunds.TestSupport;
using BsgFunds.Audit;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Transparency;

/// <summary>The seven-event example of docs/audit.md holds: both verifiers accept its head, proofs, receipt and export.</summary>
public class WorkedExampleTests
{
    private static string File(string name) => Path.Combine(IndependentVerifier.RepositoryRoot, "docs", "examples", "transparency", name);

    public static TheoryData<string[], string[]> Checks => new()
    {
        { ["head", "--head", File("head-7.json")], ["--head", File("head-7.json")] },
        { ["inclusion", "--proof", File("inclusion-6-in-7.json"), "--head", File("head-7.json")],
            ["--inclusion", File("inclusion-6-in-7.json"), "--head", File("head-7.json")] },
        { ["consistency", "--proof", File("consistency-3-to-7.json"), "--old", File("head-3.json"), "--new", File("head-7.json")],
            ["--consistency", File("consistency-3-to-7.json"), "--head", File("head-3.json"), "--new-head", File("head-7.json")] },
        { ["receipt", "--receipt", File("receipt.json")], ["--receipt", File("receipt.json")] },
        { ["export", "--export", File("events.ndjson"), "--head", File("head-7.json")],
            ["--export", File("events.ndjson"), "--head", File("head-7.json")] },
        { ["export", "--export", File("events.ndjson"), "--head", File("head-3.json")],
            ["--export", File("events.ndjson"), "--head", File("head-3.json")] },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task the_documented_example_verifies_with_both_verifiers(string[] independent, string[] tool)
    {
        var (exit, output) = await IndependentVerifier.RunAsync([.. independent, "--key", File("key.pem")]);
        exit.Should().Be(0, output);
        var written = new StringWriter();
        (await AuditTool.RunAsync([.. tool, "--key", File("key.pem")], written)).Should().Be(0, written.ToString());
    }

    [Fact]
    public async Task the_documented_root_is_the_root_of_the_exported_events()
    {
        var (exit, output) = await IndependentVerifier.RunAsync("root", "--export", File("events.ndjson"));
        exit.Should().Be(0, output);
        output.Trim().Should().Be("1ae47af70f626d3974d8de04b4b7b52fb8b31cb16b3a8500047dec88bf2398f5");
    }
}
