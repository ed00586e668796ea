using System.Diagnostics;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Foundation;

/// <summary>No container engine or cluster runs here: the deployment files are checked offline by deploy/validate.sh.</summary>
public class DeploymentFilesTests
{
    [Fact]
    public async Task the_dockerfile_compose_file_and_kubernetes_manifests_pass_the_offline_checks()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName,
            "BsgFunds.sln"))) root = root.Parent ?? throw new InvalidOperationException("BsgFunds.sln not found");
        var start = new ProcessStartInfo("bash", "deploy/validate.sh") { WorkingDirectory = root.FullName, RedirectStandardOutput = true,
            RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, output);
        output.Should().Contain("Issues: None found").And.Contain("deployment files valid");
    }
}
