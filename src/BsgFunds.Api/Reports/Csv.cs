using System.Globalization;
using System.Reflection;
using System.Text;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

/// <summary>
/// RFC 4180 CSV of a report: a header row, then one row per line of the report. Numbers are written exactly as
/// their decimal values (invariant culture, no thousands separators), dates ISO 8601.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    public static bool Wanted(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));

    public static string Write(IReport report)
    {
        var rows = report.Rows().Select(Flatten).ToList();
        var columns = new List<string> { "asOf", "lastSequence" };
        foreach (var name in rows.SelectMany(r => r.Keys)) if (!columns.Contains(name)) columns.Add(name);

        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            row["asOf"] = report.AsOf;
            row["lastSequence"] = report.LastSequence;
            text.AppendJoin(',', columns.Select(c => Quote(Format(row.GetValueOrDefault(c))))).Append("\r\n");
        }

        return text.ToString();
    }

    private static Dictionary<string, object?> Flatten(object row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (row is ReportRow combined)
        {
            values["report"] = combined.Report;
            foreach (var (k, v) in Flatten(combined.Line)) values[k] = v;
            return values;
        }

        foreach (var p in row.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            values[char.ToLowerInvariant(p.Name[0]) + p.Name[1..]] = p.GetValue(row);
        return values;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list when value is not string => string.Join(';', list.Cast<object>()),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
