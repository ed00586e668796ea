using System.Globalization;
using System.Reflection;
using System.Text;
using BsgFunds.Domain.Reports;

namespace BsgFunds.Api.Reports;

/// <summary>
/// RFC 4180 CSV of a report: a header row, then one row per line of the report. Numbers are written exactly as
/// their decimal values (invariant culture, no thousands separators), dates ISO 8601. The columns come from the
/// report's row types, so an empty report still has its header row.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    // OWASP CSV injection: a spreadsheet runs a cell that starts with one of these as a formula.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static bool Wanted(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains(MediaType, StringComparison.OrdinalIgnoreCase));

    public static string Write(IReport report)
    {
        var columns = new List<string> { "asOf", "lastSequence" };
        foreach (var name in report.RowTypes.SelectMany(Columns)) if (!columns.Contains(name)) columns.Add(name);

        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(Quote)).Append("\r\n");
        foreach (var row in report.Rows().Select(Flatten))
        {
            row["asOf"] = report.AsOf;
            row["lastSequence"] = report.LastSequence;
            text.AppendJoin(',', columns.Select(c => Quote(Cell(row.GetValueOrDefault(c))))).Append("\r\n");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Columns(Type rowType) =>
        rowType == typeof(ReportRow) ? ["report"] : Properties(rowType).Select(p => Name(p));

    private static Dictionary<string, object?> Flatten(object row)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (row is ReportRow combined)
        {
            values["report"] = combined.Report;
            foreach (var (k, v) in Flatten(combined.Line)) values[k] = v;
            return values;
        }

        foreach (var p in Properties(row.GetType())) values[Name(p)] = p.GetValue(row);
        return values;
    }

    private static PropertyInfo[] Properties(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance);

    private static string Name(PropertyInfo p) => char.ToLowerInvariant(p.Name[0]) + p.Name[1..];

    /// <summary>Numbers, dates and instants as they are (a negative amount stays a number); anything else is text.</summary>
    internal static string Cell(object? value) => value switch
    {
        null => string.Empty,
        decimal or int or long or short or byte or uint or ulong or ushort or sbyte =>
            ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => Text(f.ToString(null, CultureInfo.InvariantCulture)),
        System.Collections.IEnumerable list when value is not string => Text(string.Join(';', list.Cast<object>())),
        _ => Text(value.ToString() ?? string.Empty),
    };

    private static string Text(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
