namespace BsgFunds.Domain.Statements;

/// <summary>One line of a statement: the period's figure and the previous period's beside it (CHF, as the lines add up).</summary>
public sealed record StatementRow(string Section, string Item, decimal CurrentChf, decimal PreviousChf);
