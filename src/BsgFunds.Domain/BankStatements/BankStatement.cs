namespace BsgFunds.Domain.BankStatements;

/// <summary>An imported statement and its lines, folded from its stream.</summary>
public sealed record BankStatement(
    Guid Id,
    string AccountIban,
    string StatementReference,
    string? ElectronicSequence,
    string MessageVersion,
    string MessageId,
    string ImportedBy,
    DateTimeOffset ImportedAt,
    IReadOnlyList<BankStatementLine> Lines)
{
    public static BankStatement Create(BankStatementImported imported) => new(
        imported.StatementId, imported.AccountIban, imported.StatementReference, imported.ElectronicSequence, imported.MessageVersion,
        imported.MessageId, imported.ImportedBy, imported.ImportedAt, imported.Lines.Select(BankStatementLine.Read).ToList());

    public BankStatement Apply(BankStatementLineConfirmed confirmed) => Replace(confirmed.LineNumber, line => line with
    {
        Status = LineStatus.Confirmed, ContributionId = confirmed.ContributionId, DecidedBy = confirmed.ConfirmedBy,
        DecidedAt = confirmed.ConfirmedAt,
    });

    public BankStatement Apply(BankStatementLineSetAside setAside) => Replace(setAside.LineNumber, line => line with
    {
        Status = LineStatus.SetAside, DecidedBy = setAside.SetAsideBy, DecidedAt = setAside.SetAsideAt, SetAsideReason = setAside.Reason,
    });

    /// <summary>The line numbered <paramref name="number"/> (from 1), if the statement has it.</summary>
    public BankStatementLine? Line(int number) => number >= 1 && number <= Lines.Count ? Lines[number - 1] : null;

    /// <summary>Lines still waiting for the officer: proposed or unmatched credits.</summary>
    public int OpenCount => Lines.Count(l => l.IsOpen);

    public int CountOf(LineStatus status) => Lines.Count(l => l.Status == status);

    private BankStatement Replace(int number, Func<BankStatementLine, BankStatementLine> change)
    {
        var lines = Lines.ToArray();
        lines[number - 1] = change(lines[number - 1]);
        return this with { Lines = lines };
    }
}
