using System.Diagnostics;

namespace BsgFunds.TestSupport;

/// <summary>
/// tests/verifier/verify_log.py: a second implementation of the log's checks that shares no code with the API (Python's
/// standard library and the openssl command line), so that a mistake made alike by producer and verifier cannot pass.
/// </summary>
public static class IndependentVerifier
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "tests", "verifier", "verify_log.py"));
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
