using BsgFunds.Domain;
using BsgFunds.Domain.BankStatements;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.BankStatements.StatementBook;
using static BsgFunds.UnitTests.Contributions.ContributionHistory;

namespace BsgFunds.UnitTests.BankStatements;

public class BankStatementDecisionTests
{
    private const string FundIban = "CH9300762011623852957";
    private static readonly Domain.Donors.Donor Foundation = Donor("Fondation Exemple", "CH5604835012345678009");
    private static readonly Domain.Contributions.Contribution Gift = Agreement(Foundation, "BSG-2026-003", "CHF", 15_000m);
    private static readonly Domain.Contributions.Contribution OtherGift = Agreement(Foundation, "BSG-2026-013", "CHF", 15_000m, 5_000m);

    private static ReadStatement Read(params StatementEntry[] entries) =>
        new("camt.053.001.08", "MSG-1", "CH93 0076 2011 6238 5295 7", "STMT-1", "7", entries);

    private static BankStatement Imported(params StatementEntry[] entries) => BankStatement.Create(
        BankStatementImport.Decide(Read(entries), FundIban, new MatchingBook([Gift, OtherGift], [Foundation]), Officer).Events[0]);

    private static readonly StatementEntry Matched = Credit(15_000m, "CHF", "BSG-2026-003", number: 1);
    private static readonly StatementEntry Ambiguous = Credit(15_000m, "CHF", iban: "CH5604835012345678009", number: 2);
    private static readonly StatementEntry Debit = Credit(10m, "CHF", number: 3) with { CreditDebit = "DBIT", NotApplicableReason = "A debit." };

    [Fact]
    public void a_statement_of_the_funds_account_is_imported_with_an_id_of_its_identity_and_each_credit_proposed()
    {
        var imported = BankStatementImport.Decide(Read(Matched, Ambiguous, Debit), FundIban, new MatchingBook([Gift, OtherGift], [Foundation]),
            Officer).Events.Single();

        imported.StatementId.Should().Be(BankStatementIdentity.StreamId(FundIban, "STMT-1", "7"));
        imported.AccountIban.Should().Be(FundIban);
        imported.Lines.Select(l => l.Proposal?.Candidates.Count).Should().Equal(1, 2, null);
        BankStatement.Create(imported).Lines.Select(l => l.Status)
            .Should().Equal(LineStatus.Proposed, LineStatus.Proposed, LineStatus.NotApplicable);
    }

    [Fact]
    public void another_sequence_of_the_same_statement_is_another_statement()
    {
        BankStatementIdentity.StreamId(FundIban, "STMT-1", "7").Should().NotBe(BankStatementIdentity.StreamId(FundIban, "STMT-1", "8"))
            .And.Be(BankStatementIdentity.StreamId(FundIban, "STMT-1", "7"));
    }

    [Fact]
    public void a_statement_of_another_account_is_refused_naming_the_element()
    {
        var refused = BankStatementImport.Decide(Read(Matched) with { AccountIban = "DE89370400440532013000" }, FundIban,
            new MatchingBook([], []), Officer);

        refused.Refusal!.Code.Should().Be("statement-account-not-the-fund");
        refused.Refusal.Field.Should().Be("Stmt/Acct/Id/IBAN");
    }

    [Fact]
    public void confirming_takes_the_proposal_and_the_lines_facts_and_says_who_and_when()
    {
        var (line, refusal) = BankStatementDecisions.Confirm(Imported(Matched), 1, null, Officer);

        refusal.Should().BeNull();
        line!.Should().BeEquivalentTo(new
        {
            ContributionId = Gift.Id, Amount = Money.Of(15_000m, "CHF"), ValueDate = new DateOnly(2026, 5, 27), BankReference = "BK-1",
        });
        line.Confirmed.Should().Be(new BankStatementLineConfirmed(line.Confirmed.StatementId, 1, Gift.Id, "BK-1", "fo-1", Now));
    }

    [Fact]
    public void a_line_confirmed_once_is_refused_the_second_time()
    {
        var statement = Imported(Matched);
        var (line, _) = BankStatementDecisions.Confirm(statement, 1, null, Officer);

        var (_, refusal) = BankStatementDecisions.Confirm(statement.Apply(line!.Confirmed), 1, OtherGift.Id, Officer);

        refusal!.Code.Should().Be("statement-line-already-confirmed");
    }

    [Fact]
    public void a_line_with_several_candidates_is_confirmed_only_for_the_contribution_named()
    {
        var statement = Imported(Matched, Ambiguous);

        BankStatementDecisions.Confirm(statement, 2, null, Officer).Refusal!.Code.Should().Be("statement-line-needs-contribution");
        BankStatementDecisions.Confirm(statement, 2, OtherGift.Id, Officer).Line!.ContributionId.Should().Be(OtherGift.Id);
    }

    [Fact]
    public void a_line_set_aside_keeps_its_reason_and_can_be_neither_confirmed_nor_set_aside_again()
    {
        var statement = Imported(Matched);
        var setAside = BankStatementDecisions.SetAside(statement, 1, "  Returned to the payer  ", Officer).Events.Single();
        var after = statement.Apply(setAside);

        setAside.Reason.Should().Be("Returned to the payer");
        after.Line(1)!.Should().BeEquivalentTo(new { Status = LineStatus.SetAside, DecidedBy = "fo-1", SetAsideReason = "Returned to the payer" });
        after.OpenCount.Should().Be(0);
        BankStatementDecisions.Confirm(after, 1, null, Officer).Refusal!.Code.Should().Be("statement-line-set-aside");
        BankStatementDecisions.SetAside(after, 1, "again", Officer).Refusal!.Code.Should().Be("statement-line-set-aside");
    }

    [Fact]
    public void a_debit_is_not_applicable_and_a_missing_line_is_not_found()
    {
        var statement = Imported(Matched, Ambiguous, Debit);

        BankStatementDecisions.Confirm(statement, 3, Gift.Id, Officer).Refusal!.Code.Should().Be("statement-line-not-applicable");
        BankStatementDecisions.SetAside(statement, 4, "x", Officer).Refusal!.Code.Should().Be("statement-line-not-found");
        BankStatementDecisions.SetAside(statement, 0, "x", Officer).Refusal!.Code.Should().Be("statement-line-not-found");
    }
}
