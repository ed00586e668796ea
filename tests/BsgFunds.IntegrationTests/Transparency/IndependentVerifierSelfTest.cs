using BsgFunds.TestSupport;
using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Transparency;

public class IndependentVerifierSelfTest
{
    /// <summary>
    /// The independent verifier's own tests (trees and proofs it builds itself, altered proofs, heads signed with openssl,
    /// the jsonb text form): it is only a second opinion if it is right on its own.
    /// </summary>
    [Fact]
    public async Task the_independent_verifier_passes_its_own_tests()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-B", "-m", "unittest", "discover", "-s", Path.Combine("tests", "verifier") }) start.ArgumentList.Add(arg);
        start.WorkingDirectory = IndependentVerifier.RepositoryRoot;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await output + await error);
        (await error).Should().MatchRegex(@"Ran \d+ tests").And.Contain("OK");
    }
}
