namespace BsgFunds.Domain.BankStatements;

/// <summary>Importing a statement that was read: it must be of the fund's account; each credit line gets its proposed match.</summary>
public static class BankStatementImport
{
    public static Decision<BankStatementImported> Decide(ReadStatement read, string fundIban, MatchingBook book, Contributions.Actor actor)
    {
        if (!string.Equals(Iban.Normalise(read.AccountIban), Iban.Normalise(fundIban), StringComparison.Ordinal))
        {
            var given = read.AccountIban.Length == 0 ? "no IBAN" : $"IBAN {read.AccountIban}";
            return Decision.Refuse<BankStatementImported>(Refusal.RuleBroken("statement-account-not-the-fund",
                $"Stmt/Acct/Id/IBAN: the statement is of {given}; only statements of the fund's account {fundIban} are imported.",
                "Stmt/Acct/Id/IBAN"));
        }

        var lines = read.Entries.Select(e => e.IsApplicable ? e with { Proposal = StatementMatching.Propose(e, book) } : e).ToList();
        var id = BankStatementIdentity.StreamId(Iban.Normalise(read.AccountIban), read.StatementReference, read.ElectronicSequence);
        return Decision.Accept(new BankStatementImported(id, Iban.Normalise(read.AccountIban), read.StatementReference,
            read.ElectronicSequence, read.MessageVersion, read.MessageId, lines, actor.Subject, actor.Now));
    }
}
