namespace BsgFunds.Domain.Reports;

/// <summary>A line of a combined report: which report it belongs to, and the line itself (flattened into the same CSV row).</summary>
public sealed record ReportRow(string Report, object Line);
