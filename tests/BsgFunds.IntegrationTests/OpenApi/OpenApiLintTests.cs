using System.Diagnostics;
using System.Text.Json;
using BsgFunds.IntegrationTests.Foundation;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace BsgFunds.IntegrationTests.OpenApi;

/// <summary>
/// The served document passes Redocly's recommended rules and Spectral's spectral:oas rules with neither errors nor warnings,
/// so that client generators, which trust it, get what the API does. deploy/test.sh installs both linters from tests/contract/package-lock.json.
/// </summary>
public sealed class OpenApiLintTests(AppFixture app, ITestOutputHelper output) : ApiTest(app)
{
    private static readonly string Tools = Path.Combine(PlatformTests.RepoRoot(), "tests", "contract", "node_modules", ".bin");

    [Fact]
    public async Task served_document_has_no_redocly_errors_or_warnings()
    {
        var file = await ServedDocumentFile();
        var (_, stdout) = await Run("redocly", $"lint --format=json --config {Config("redocly.yaml")} {file}");
        File.Delete(file);
        var totals = JsonDocument.Parse(stdout[stdout.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("totals");
        (totals.GetProperty("errors").GetInt32() + totals.GetProperty("warnings").GetInt32())
            .Should().Be(0, $"redocly finds no problem in the served document:\n{Summary(stdout)}");
    }

    [Fact]
    public async Task served_document_has_no_spectral_errors_or_warnings()
    {
        var file = await ServedDocumentFile();
        var arguments = $"lint --ruleset {Config(".spectral.yaml")} --fail-severity=warn --display-only-failures -f text {file}";
        var (code, stdout) = await Run("spectral", arguments);
        File.Delete(file);
        code.Should().Be(0, $"spectral finds no warning in the served document:\n{stdout}");
    }

    private static string Config(string name) => Path.Combine(PlatformTests.RepoRoot(), name);

    private async Task<string> ServedDocumentFile()
    {
        var text = await (await Send("GET", "/swagger/v1/swagger.json", null)).ReadAsTextAsync();
        var file = Path.Combine(Path.GetTempPath(), $"bsgfunds-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, text);
        return file;
    }

    private static string Summary(string redoclyJson)
    {
        var problems = JsonDocument.Parse(redoclyJson[redoclyJson.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("problems");
        return string.Join('\n', problems.EnumerateArray().Take(60).Select(p =>
            $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()} " +
            string.Join(' ', p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()))));
    }

    private async Task<(int Code, string Stdout)> Run(string tool, string arguments)
    {
        var path = Path.Combine(Tools, tool);
        File.Exists(path).Should().BeTrue($"{path} is installed by deploy/test.sh (npm, pinned versions)");
        using var process = Process.Start(new ProcessStartInfo(path, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = PlatformTests.RepoRoot(),
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(await stderr);
        return (process.ExitCode, await stdout);
    }
}
