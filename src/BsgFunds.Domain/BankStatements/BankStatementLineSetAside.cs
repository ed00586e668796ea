namespace BsgFunds.Domain.BankStatements;

/// <summary>A finance officer set a statement line aside, with the reason: no receipt is recorded from it.</summary>
public sealed record BankStatementLineSetAside(Guid StatementId, int LineNumber, string Reason, string SetAsideBy, DateTimeOffset SetAsideAt)
    : IFundEvent;
