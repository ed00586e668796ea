using System.Diagnostics;

namespace BsgFunds.TestSupport;

/// <summary>
/// The API's build as a separate process on loopback, in Development so that it issues dev tokens, logging warnings only
/// unless the launch says otherwise. Both output streams are always read: a full pipe would stall the API.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;

    private ApiProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Starts the API and returns once its health endpoint answers success; one that does not in time is killed.</summary>
    public static async Task<ApiProcess> StartAsync(ApiLaunch launch)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(launch.Dll)!,
        };
        start.ArgumentList.Add(launch.Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(launch.Address.GetLeftPart(UriPartial.Authority));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Marten"] = launch.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in launch.Settings) start.Environment[name] = value;

        var api = new ApiProcess(Process.Start(start) ?? throw new InvalidOperationException($"dotnet {launch.Dll} did not start"));
        api.process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null) launch.Output?.Invoke(line.Data);
        };
        api.process.ErrorDataReceived += (_, _) => { };
        api.process.BeginOutputReadLine();
        api.process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = launch.Address, Timeout = TimeSpan.FromSeconds(30) };
            await Waiting.UntilAsync(async () =>
            {
                using var answer = await http.GetAsync(launch.HealthPath);
                return answer.IsSuccessStatusCode;
            }, launch.StartLimit, $"the API at {launch.Address} to answer {launch.HealthPath}", launch.Poll);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }

        return api;
    }

    /// <summary>Kills the API and everything it started, as SIGKILL would: no shutdown hooks run.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }
}
