using System.Globalization;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace BsgFunds.IntegrationTests.Reports;

/// <summary>
/// What the snapshot tests share: how run-dependent text (ids, instants, years) is written, and the line-by-line comparison
/// with the committed file, which an environment variable rewrites after a change that means to change the answers.
/// </summary>
internal static partial class Snapshot
{
    /// <summary>Ids by order of first appearance, instants as a placeholder.</summary>
    public static string IdsAndInstants(string text)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        text = Guid().Replace(text, m => $"<id{(ids.TryGetValue(m.Value, out var n) ? n : ids[m.Value] = ids.Count + 1)}>");
        return Instant().Replace(text, "<instant>");
    }

    /// <summary>Years near <paramref name="y"/> in dates and year fields (and, for CSV, year cells) as tokens relative to Y.</summary>
    public static string Years(string text, int y, bool csvCells)
    {
        for (var offset = -2; offset <= 4; offset++)
        {
            var year = (y + offset).ToString(CultureInfo.InvariantCulture);
            var pattern = $@"\b{year}(?=-\d\d)|(?<=year\D{{1,4}}){year}\b" + (csvCells ? $@"|(?<=,){year}(?=,|\r\n)" : string.Empty);
            text = Regex.Replace(text, pattern, offset == 0 ? "Y" : $"Y{offset:+0;-0}", RegexOptions.IgnoreCase);
        }

        return text;
    }

    public static async Task ShouldMatchAsync(string actual, string file, string updateVariable)
    {
        if (Environment.GetEnvironmentVariable(updateVariable) == "1") await File.WriteAllTextAsync(file, actual);
        File.Exists(file).Should().BeTrue($"the snapshot is committed; {updateVariable}=1 writes it");
        var expected = (await File.ReadAllTextAsync(file)).Split('\n');
        var lines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(lines.Length, expected.Length))
            .FirstOrDefault(i => i >= lines.Length || i >= expected.Length || lines[i] != expected[i], -1);
        first.Should().Be(-1, $"line {first + 1} differs:\nexpected: {Line(expected, first)}\nactual:   {Line(lines, first)}");
    }

    private static string Line(string[] lines, int i) => i >= 0 && i < lines.Length ? lines[i] : "(none)";

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")]
    private static partial Regex Instant();
}
