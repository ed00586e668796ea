namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// What confirming a line decides before the receipt's own decision runs: the contribution it pays, the receipt's facts
/// taken from the line, and the statement's event, which is committed only if the receipt is accepted too.
/// </summary>
public sealed record LineToConfirm(Guid ContributionId, Money Amount, DateOnly ValueDate, string BankReference, BankStatementLineConfirmed Confirmed);
