namespace BsgFunds.Domain.Reports;

/// <summary>What every report states: the instant it describes and the last event sequence it includes.</summary>
public interface IReport
{
    DateTimeOffset AsOf { get; }

    long LastSequence { get; }

    /// <summary>
    /// The types of its rows, whose properties are the CSV columns: known without a row, so that an empty report
    /// still has its header.
    /// </summary>
    IReadOnlyList<Type> RowTypes { get; }

    /// <summary>One flat row per line of the report, for CSV.</summary>
    IEnumerable<object> Rows();
}
