namespace BsgFunds.TestSupport;

/// <summary>Finds the API's own build, so that a test runs the API exactly as it was built beside it.</summary>
public static class ApiBuild
{
    /// <summary>
    /// The API's dll of the same configuration and target framework as the running test assembly, which is built at
    /// tests/&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;framework&gt;/.
    /// </summary>
    public static string Dll()
    {
        var here = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "BsgFunds.sln"))) root = root.Parent;
        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("BsgFunds.sln not found above the test folder"),
            "src", "BsgFunds.Api", "bin", configuration, here.Name, "BsgFunds.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The API is not built at {dll}");
    }
}
