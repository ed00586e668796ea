using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.BankStatements;

/// <summary>The officer's decisions on a statement line; the receipt is decided by <see cref="ContributionDecisions.RecordReceipt"/>.</summary>
public static class BankStatementDecisions
{
    /// <summary>
    /// Which contribution the line pays (the one named, else the single proposal) and the receipt's facts from the line; a line
    /// already decided, not applicable, or with several candidates and none named is refused.
    /// </summary>
    public static (LineToConfirm? Line, Refusal? Refusal) Confirm(BankStatement statement, int lineNumber, Guid? contributionId, Actor actor)
    {
        if (Open(statement, lineNumber) is { } refused) return (null, refused);
        var line = statement.Line(lineNumber)!;
        var entry = line.Entry;
        var chosen = contributionId ?? entry.Proposal?.ContributionId;
        if (chosen is not { } target)
        {
            return (null, Refusal.Invalid("statement-line-needs-contribution", entry.Proposal?.Candidates.Count > 1
                    ? $"Line {lineNumber} fits {entry.Proposal.Candidates.Count} contributions; name the one it pays (contributionId)."
                    : $"Line {lineNumber} fits no contribution; name the one it pays (contributionId).",
                "contributionId"));
        }

        // A booked credit has a value date and a bank reference, or it was read as not applicable (Camt053Reader).
        var valueDate = entry.ValueDate!.Value;
        if (Bounds.Fact(valueDate, "valueDate", actor.Today) is { } future) return (null, future);
        var confirmed = new BankStatementLineConfirmed(statement.Id, lineNumber, target, entry.BankReference!, actor.Subject, actor.Now);
        return (new LineToConfirm(target, entry.Amount, valueDate, entry.BankReference!, confirmed), null);
    }

    public static Decision<BankStatementLineSetAside> SetAside(BankStatement statement, int lineNumber, string reason, Actor actor) =>
        Open(statement, lineNumber) is { } refused
            ? Decision.Refuse<BankStatementLineSetAside>(refused)
            : Decision.Accept(new BankStatementLineSetAside(statement.Id, lineNumber, reason.Trim(), actor.Subject, actor.Now));

    private static Refusal? Open(BankStatement statement, int lineNumber)
    {
        if (statement.Line(lineNumber) is not { } line)
        {
            return Refusal.NotFound("statement-line-not-found",
                $"Statement {statement.Id} has lines 1 to {statement.Lines.Count}; there is no line {lineNumber}.");
        }

        return line.Status switch
        {
            LineStatus.NotApplicable => Refusal.RuleBroken("statement-line-not-applicable",
                $"Line {lineNumber} is not a receipt: {line.Entry.NotApplicableReason}"),
            LineStatus.Confirmed => Refusal.Conflict("statement-line-already-confirmed",
                $"Line {lineNumber} was confirmed by {line.DecidedBy} at {line.DecidedAt:u} as a receipt of contribution {line.ContributionId}."),
            LineStatus.SetAside => Refusal.Conflict("statement-line-set-aside",
                $"Line {lineNumber} was set aside by {line.DecidedBy} at {line.DecidedAt:u}: {line.SetAsideReason}"),
            _ => null,
        };
    }
}
