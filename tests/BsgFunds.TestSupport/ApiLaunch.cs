namespace BsgFunds.TestSupport;

/// <summary>How to run the API's build as a process: its dll, where it listens, its database, and what differs from the defaults.</summary>
public sealed record ApiLaunch(string Dll, Uri Address, string ConnectionString)
{
    /// <summary>Configuration in environment-variable form (<c>Section__Key</c>), applied over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives each line the API writes to standard output; without it the lines are read and dropped.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>The endpoint that must answer success before the API counts as started.</summary>
    public string HealthPath { get; init; } = "/health/ready";

    public TimeSpan StartLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often health is asked while the API starts; the benchmark asks often because it times the start.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(200);
}
