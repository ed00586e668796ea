using BsgFunds.Domain;
using BsgFunds.Domain.BankStatements;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.BankStatements.StatementBook;

namespace BsgFunds.UnitTests.BankStatements;

public class StatementMatchingTests
{
    private static readonly Domain.Donors.Donor Korea = Donor("Ministry of Science and ICT");
    private static readonly Domain.Donors.Donor Foundation = Donor("Fondation Exemple", "CH5604835012345678009");
    private static readonly Domain.Contributions.Contribution First = Agreement(Korea, "BSG-2026-001", "USD", 50_000m, 50_000m);
    private static readonly Domain.Contributions.Contribution Second = Agreement(Korea, "BSG-2026-002", "EUR", 20_000m);
    private static readonly Domain.Contributions.Contribution Gift = Agreement(Foundation, "BSG-2026-003", "CHF", 15_000m);
    private static readonly Domain.Contributions.Contribution OtherGift = Agreement(Foundation, "BSG-2026-013", "CHF", 15_000m, 5_000m);

    private static MatchingBook Book(params Domain.Contributions.Contribution[] contributions) =>
        new(contributions.Length == 0 ? [First, Second, Gift] : contributions, [Korea, Foundation]);

    [Fact]
    public void the_agreement_reference_in_the_unstructured_remittance_is_a_sure_match()
    {
        var proposal = StatementMatching.Propose(Credit(50_000m, "USD", "BSG contribution bsg-2026-001 first instalment"), Book());

        proposal.ContributionId.Should().Be(First.Id);
        proposal.Confidence.Should().Be(MatchConfidence.High);
        proposal.Reason.Should().Contain("BSG-2026-001").And.Contain("within what is receivable");
    }

    [Fact]
    public void the_structured_creditor_reference_counts_as_remittance_information()
    {
        StatementMatching.Propose(Credit(20_000m, "EUR", creditorReference: "BSG-2026-002"), Book()).ContributionId.Should().Be(Second.Id);
    }

    [Fact]
    public void a_reference_is_a_whole_word_so_a_longer_one_is_not_taken_for_it()
    {
        var proposal = StatementMatching.Propose(Credit(999m, "USD", "Ref BSG-2026-0012"), Book());

        proposal.Candidates.Should().BeEmpty();
    }

    [Fact]
    public void a_reference_found_with_another_currency_is_proposed_with_less_confidence_and_says_why()
    {
        var proposal = StatementMatching.Propose(Credit(50_000m, "EUR", "BSG-2026-001"), Book());

        proposal.ContributionId.Should().Be(First.Id);
        proposal.Confidence.Should().Be(MatchConfidence.Medium);
        proposal.Reason.Should().Contain("the agreement is in USD, the line in EUR");
    }

    [Fact]
    public void the_reference_wins_over_the_payer_so_the_donor_is_not_asked()
    {
        var proposal = StatementMatching.Propose(Credit(15_000m, "CHF", "BSG-2026-003", iban: "CH5604835012345678009"), Book(Gift, OtherGift));

        proposal.ContributionId.Should().Be(Gift.Id);
        proposal.Candidates.Should().ContainSingle();
    }

    [Fact]
    public void without_a_reference_a_registered_account_with_an_instalment_of_that_amount_due_is_proposed()
    {
        var proposal = StatementMatching.Propose(Credit(15_000m, "CHF", "Donation", name: "someone else", iban: "CH5604835012345678009"), Book());

        proposal.ContributionId.Should().Be(Gift.Id);
        proposal.Confidence.Should().Be(MatchConfidence.Medium);
        proposal.Reason.Should().Contain("CH5604835012345678009").And.Contain("Fondation Exemple").And.Contain("15000.00 CHF");
    }

    [Fact]
    public void without_a_reference_or_account_the_payers_name_is_compared_without_case_or_punctuation()
    {
        var proposal = StatementMatching.Propose(Credit(20_000m, "EUR", name: "MINISTRY OF SCIENCE AND ICT."), Book());

        proposal.ContributionId.Should().Be(Second.Id);
        proposal.Confidence.Should().Be(MatchConfidence.Low);
    }

    [Fact]
    public void an_amount_that_no_instalment_is_due_for_is_not_matched_by_the_donor()
    {
        var proposal = StatementMatching.Propose(Credit(12_345m, "USD", name: "Ministry of Science and ICT"), Book());

        proposal.Should().BeEquivalentTo(new { ContributionId = (Guid?)null, Confidence = (MatchConfidence?)null });
        proposal.Candidates.Should().BeEmpty();
        proposal.Reason.Should().Contain("No agreement reference").And.Contain("12345.00 USD");
    }

    [Fact]
    public void several_fitting_contributions_are_all_proposed_and_none_is_chosen()
    {
        var proposal = StatementMatching.Propose(Credit(15_000m, "CHF", iban: "CH5604835012345678009"), Book(Gift, OtherGift));

        proposal.ContributionId.Should().BeNull();
        proposal.Confidence.Should().BeNull();
        proposal.Candidates.Select(c => c.ContributionId).Should().BeEquivalentTo([Gift.Id, OtherGift.Id]);
        proposal.Candidates.Should().OnlyContain(c => c.Reason.Length > 0 && c.Confidence == MatchConfidence.Medium);
        proposal.Reason.Should().Contain("2 contributions");
    }

    [Fact]
    public void two_references_in_one_remittance_propose_both()
    {
        var proposal = StatementMatching.Propose(Credit(50_000m, "USD", "BSG-2026-001 and BSG-2026-002"), Book());

        proposal.ContributionId.Should().BeNull();
        proposal.Candidates.Select(c => c.ContributionId).Should().BeEquivalentTo([First.Id, Second.Id]);
    }
}
