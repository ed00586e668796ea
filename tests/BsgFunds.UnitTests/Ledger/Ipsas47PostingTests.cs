using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using BsgFunds.Domain.Statements;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.ContributionHistory;

namespace BsgFunds.UnitTests.Ledger;

/// <summary>IPSAS 47 revenue (docs/ledger.md): the agreement's terms, and the postings of money held under compliance obligations.</summary>
public class Ipsas47PostingTests
{
    private static readonly Earmark Fellowships = new(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [], [], null);
    private static readonly string Held = Accounts.ComplianceObligations(ContributionId);

    private static object[] Signed(Earmark earmark, bool? obligations, params string[] conditions) =>
        Deciders.Contribution.Given(Pledged("USD", 100_000m, earmark))
            .And(c => Sign(c, RevenuePolicy.Default, obligations, 0.9m, 7m, conditions)).Events;

    [Theory]
    [InlineData("pooled", null, 0, false)]
    [InlineData("pooled", null, 1, true)]
    [InlineData("earmarked", null, 0, true)]
    [InlineData("earmarked", false, 0, false)]
    [InlineData("pooled", true, 0, true)]
    public void an_agreement_signed_under_ipsas_47_has_compliance_obligations_when_earmarked_or_conditional_unless_the_officer_says(
        string earmark, bool? officerSays, int conditions, bool expected)
    {
        var history = Signed(earmark == "pooled" ? Earmark.Pooled : Fellowships, officerSays, Enumerable.Repeat("report", conditions).ToArray());
        var agreement = (AgreementSigned)history.Last();
        agreement.Revenue.Should().Be(new RevenueTerms(expected, FundingSource.DevelopedCountryVoluntary));
        State(history).IsConditional.Should().BeFalse("IPSAS 47 has no deferral by conditions");
    }

    [Fact]
    public void before_the_first_ipsas_47_period_an_agreement_keeps_ipsas_23_and_refuses_compliance_obligations()
    {
        var later = new RevenuePolicy(new DateOnly(2027, 1, 1));
        Deciders.Contribution.Given(Pledged("USD", 100_000m, Fellowships))
            .When(c => Sign(c, later, null))
            .Then(events => ((AgreementSigned)events.Single()).Revenue.Should().BeNull());
        Deciders.Contribution.Given(Pledged("USD", 100_000m, Fellowships))
            .When(c => Sign(c, later, true))
            .ThenRefused("compliance-obligations-not-applicable");
    }

    [Fact]
    public void without_compliance_obligations_revenue_is_recognised_at_signature_even_with_conditions()
    {
        var agreement = (AgreementSigned)Signed(Fellowships, false, "a report").Last();
        Postings.For(agreement).Should().BeEquivalentTo(new[]
        {
            new Posting(Accounts.Receivable(DonorId), 90_000m, Money.Of(100_000m, "USD")),
            new Posting(Fellowships.NetAssetsAccount(), -90_000m, Money.Chf(-90_000m)),
        });
    }

    [Fact]
    public void money_held_under_compliance_obligations_is_a_liability_until_spent_and_psc_and_payments_turn_it_into_revenue()
    {
        var signed = Signed(Fellowships, null);
        Postings.For(signed.Last()).Should().BeEmpty("the agreement is disclosed, not recognised");

        var received = Deciders.Contribution.Given(signed).And(c => Receive(c, 60_000m, 0.88m, "B-1")).Events;
        var receipt = (ContributionReceived)received.Last();
        receipt.Obligations.Should().Be(new ComplianceObligations(FundingSource.DevelopedCountryVoluntary));
        Postings.For(receipt).Should().BeEquivalentTo(new[]
        {
            new Posting(Accounts.Cash, 52_800m, Money.Of(60_000m, "USD")),
            new Posting(Held, -52_800m, Money.Of(-60_000m, "USD")),
            new Posting(Held, 3_696m, Money.Chf(3_696m)),
            new Posting(Accounts.ProgrammeSupportCostIncome, -3_696m, Money.Chf(-3_696m)),
        }, "no receivable, so no exchange difference; PSC meets part of the obligation");

        var refunded = Deciders.Contribution.Given(received)
            .And(c => ContributionDecisions.Refund(c, 1_000m, "unspent", "consent-1", ClosedYears.None, Officer)).Events;
        Postings.For(refunded.Last()).Should().BeEquivalentTo(new[]
        {
            new Posting(Held, 1_000m, Money.Chf(1_000m)), new Posting(Accounts.Cash, -1_000m, Money.Chf(-1_000m)),
        });

        var state = State(refunded);
        var line = new FundingLine(ContributionId, DonorId, EarmarkCategory.Earmarked, Fellowships, 20_000m, state.Obligations);
        var allocation = Guid.NewGuid();
        var commit = new FundsCommitted(ContributionId, DonorId, allocation, 20_000m, Fellowships, Now, state.Obligations);
        Postings.For(commit).Should().BeEmpty("a commitment of money held is disclosed (IPSAS 48), not posted");
        var paid = new DisbursementPaid(allocation, Guid.NewGuid(), new DateOnly(2026, 6, 1), "PAY-1", 20_000m, UseOfFunds.Fellowship, [line],
            "fo-1", Now);
        Postings.For(paid).Should().BeEquivalentTo(new[]
        {
            new Posting(Held, 20_000m, Money.Chf(20_000m)),
            new Posting(Accounts.ContributionRevenue(FundingSource.DevelopedCountryVoluntary), -20_000m, Money.Chf(-20_000m)),
            new Posting(Accounts.Disbursements(UseOfFunds.Fellowship), 20_000m, Money.Chf(20_000m)),
            new Posting(Accounts.Cash, -20_000m, Money.Chf(-20_000m)),
        });

        // Over the contribution's life: revenue + what is still held = what it brought in, net of refunds, to the centime.
        var balance = new object[] { receipt, refunded.Last(), commit, paid }.Select((e, i) => (e, i))
            .Aggregate(TrialBalance.Empty, (tb, x) => tb.Post(Postings.For(x.e), x.i + 1));
        var revenue = -balance.Accounts.Where(a => a.Key.StartsWith(Accounts.ContributionRevenuePrefix, StringComparison.Ordinal)
            || a.Key == Accounts.ProgrammeSupportCostIncome).Sum(a => a.Value.BalanceChf);
        var stillHeld = -balance.Accounts[Held].BalanceChf;
        (revenue + stillHeld).Should().Be(52_800m - 1_000m);
        stillHeld.Should().Be(52_800m - 3_696m - 1_000m - 20_000m);
    }

    [Fact]
    public void the_statement_lines_of_every_event_add_up_account_by_account_to_its_postings()
    {
        var signed = Signed(Fellowships, null);
        var received = Deciders.Contribution.Given(signed).And(c => Receive(c, 60_000m, 0.88m, "B-1")).Events;
        var state = State(received);
        var allocation = Guid.NewGuid();
        var pooledLine = new FundingLine(Guid.NewGuid(), DonorId, EarmarkCategory.Unearmarked, Earmark.Pooled, 500m);
        var heldLine = new FundingLine(ContributionId, DonorId, EarmarkCategory.Earmarked, Fellowships, 1_500m, state.Obligations);
        var events = received.Concat(new object[]
        {
            new FundsCommitted(ContributionId, DonorId, allocation, 1_500m, Fellowships, Now, state.Obligations),
            new DisbursementPaid(allocation, Guid.NewGuid(), new DateOnly(2026, 6, 1), "PAY-1", 2_000m, UseOfFunds.Fellowship,
                [pooledLine, heldLine], "fo-1", Now),
        }).ToList();
        var ledger = new StatementLedger();
        for (var i = 0; i < events.Count; i++) ledger.Apply(i + 1, events[i]);

        for (var i = 0; i < events.Count; i++)
        {
            var expected = Postings.For(events[i]).GroupBy(p => p.Account).ToDictionary(g => g.Key, g => g.Sum(p => p.AmountChf));
            var actual = ledger.Lines.Where(l => l.Sequence == i + 1).GroupBy(l => l.Account).ToDictionary(g => g.Key, g => g.Sum(l => l.AmountChf));
            actual.Should().BeEquivalentTo(expected, $"event {i + 1} ({events[i].GetType().Name})");
        }

        ledger.HeldCommitments.Values.Sum().Should().Be(0m, "the commitment of held money was paid");
    }

    [Fact]
    public void reversing_a_write_off_of_held_money_posts_nothing_as_the_write_off_did()
    {
        var signed = Signed(Fellowships, null);
        var writtenOff = Deciders.Contribution.Given(signed)
            .And(c => ContributionDecisions.WriteOff(c, Money.Of(1_000m, "USD"), "uncollectable", ClosedYears.None, Officer)).Events;
        var writeOff = (ContributionWrittenOff)writtenOff.Last();
        writeOff.Obligations.Should().NotBeNull();
        Postings.For(writeOff).Should().BeEmpty();
        var reversal = new ContributionEventReversed(ContributionId, DonorId, 3, "typed twice", new DateOnly(2026, 3, 1), null, writeOff, null,
            "fo-1", Now);
        Postings.For(reversal).Should().BeEmpty("the random walk found a reversal that posted the IPSAS 23 write-off's lines");
    }
}
