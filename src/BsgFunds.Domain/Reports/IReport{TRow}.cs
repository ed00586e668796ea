namespace BsgFunds.Domain.Reports;

/// <summary>A report whose lines are all one named row type.</summary>
public interface IReport<out TRow> : IReport
    where TRow : notnull
{
    IReadOnlyList<Type> IReport.RowTypes => [typeof(TRow)];

    new IEnumerable<TRow> Rows();

    IEnumerable<object> IReport.Rows() => Rows().Cast<object>();
}
