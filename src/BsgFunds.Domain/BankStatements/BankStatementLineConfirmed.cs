namespace BsgFunds.Domain.BankStatements;

/// <summary>
/// A finance officer confirmed a statement line as a receipt of a contribution. It is committed with the contribution's
/// <c>ContributionReceived</c> (same bank reference), in one transaction.
/// </summary>
public sealed record BankStatementLineConfirmed(
    Guid StatementId, int LineNumber, Guid ContributionId, string BankReference, string ConfirmedBy, DateTimeOffset ConfirmedAt) : IFundEvent;
