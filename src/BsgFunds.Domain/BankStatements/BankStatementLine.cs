namespace BsgFunds.Domain.BankStatements;

/// <summary>A statement line as it stands: the entry read at import, its status, and who confirmed it or set it aside, when.</summary>
public sealed record BankStatementLine(
    StatementEntry Entry, LineStatus Status, Guid? ContributionId, string? DecidedBy, DateTimeOffset? DecidedAt, string? SetAsideReason)
{
    public static BankStatementLine Read(StatementEntry entry) => new(entry, StatusAtImport(entry), null, null, null, null);

    private static LineStatus StatusAtImport(StatementEntry entry) => entry switch
    {
        { IsApplicable: false } => LineStatus.NotApplicable,
        { Proposal.Candidates.Count: > 0 } => LineStatus.Proposed,
        _ => LineStatus.Unmatched,
    };

    public bool IsOpen => Status is LineStatus.Proposed or LineStatus.Unmatched;
}
