namespace BsgFunds.Domain.Reports;

public sealed record StatementAmendment(string Reference, DateOnly SignedOn, Money Change, decimal ChangeChf);
