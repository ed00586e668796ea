using JasperFx;

namespace BsgFunds.Api.Setup;

/// <summary>
/// How the process runs: as the API when given --urls (the way deploy/ and the orchestrators start it), otherwise through
/// the JasperFx command line (db-apply, codegen, projections rebuild, …; docs/operations.md).
/// </summary>
public static class CommandLine
{
    public static async Task<int> RunBsgFundsAsync(this WebApplication app, string[] args)
    {
        // Given --urls, JasperFx runs the host but answers 0 even when it fails to start; run it here so that a failed start
        // (say, no OpenID Connect issuer configured) exits non-zero and the orchestrator sees it.
        if (!args.Any(a => a.StartsWith("--urls", StringComparison.OrdinalIgnoreCase))) return await app.RunJasperFxCommands(args);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The host has logged why; the exit code tells the orchestrator.
            Console.Error.WriteLine($"The API did not start: {e.Message}");
            return 1;
        }
    }
}
