namespace BsgFunds.Domain;

/// <summary>Reads the small CSV tables shipped inside this assembly (ISO 4217, countries, memberships).</summary>
internal static class ReferenceFile
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string fileName)
    {
        using var stream = typeof(ReferenceFile).Assembly.GetManifestResourceStream($"BsgFunds.Domain.ReferenceData.{fileName}")
            ?? throw new InvalidOperationException($"The reference table {fileName} is not embedded in BsgFunds.Domain.");
        using var reader = new StreamReader(stream);
        var header = SplitLine(reader.ReadLine() ?? string.Empty);
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = SplitLine(line);
            rows.Add(header.Select((name, i) => (name, value: i < cells.Count ? cells[i] : string.Empty))
                .ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
        }

        return rows;
    }

    // RFC 4180 fields: commas inside double quotes, and "" for a quote inside a quoted field.
    private static List<string> SplitLine(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else current.Append(ch);
            }
            else if (ch == '"') quoted = true;
            else if (ch == ',') { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(ch);
        }

        cells.Add(current.ToString());
        return cells;
    }
}
