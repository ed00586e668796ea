namespace BsgFunds.IntegrationTests.Transparency;

/// <summary>A temporary folder for the files an auditor or a donor would save: heads, proofs, keys, exports.</summary>
public sealed class LogFiles : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("bsgfunds-log-").FullName;

    public string Save(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
