using System.Diagnostics;

namespace BsgFunds.PortalTests;

/// <summary>
/// tests/verifier/verify_log.py, which shares no code with the API: a file the portal saved must verify with it as a
/// donor would check it, not only parse. (The integration tests have the same runner; the portal tests do not reference them.)
/// </summary>
public static class IndependentVerifier
{
    private static readonly string Script = Path.Combine(FindRoot(), "tests", "verifier", "verify_log.py");

    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output) + (await error));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BsgFunds.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (BsgFunds.sln) is not above the test binaries.");
    }
}
