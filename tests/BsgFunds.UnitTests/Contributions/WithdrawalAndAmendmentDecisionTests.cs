using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.ContributionHistory;

namespace BsgFunds.UnitTests.Contributions;

public class WithdrawalAndAmendmentDecisionTests
{
    private static Decision<AgreementAmended> Amend(Contribution state, decimal total, string currency = "USD", DateOnly? on = null) =>
        ContributionDecisions.Amend(state, "AGR-1-A", on ?? new DateOnly(2026, 4, 1), "top-up", Money.Of(total, currency),
            [new Instalment(new DateOnly(2027, 3, 1), Money.Of(total, currency))], ClosedYears.None, Officer);

    [Fact]
    public void a_pledge_not_yet_signed_is_withdrawn_and_then_counts_as_withdrawn()
    {
        var pledged = Deciders.Contribution.Given(Pledged());
        pledged.When(c => ContributionDecisions.Withdraw(c, new DateOnly(2026, 2, 1), "board said no", ClosedYears.None, Officer))
            .ThenState(state => state.Status.Should().Be(ContributionStatus.Withdrawn));
        pledged.And(c => ContributionDecisions.Withdraw(c, new DateOnly(2026, 2, 1), "board said no", ClosedYears.None, Officer))
            .When(c => ContributionDecisions.Withdraw(c, new DateOnly(2026, 2, 2), "again", ClosedYears.None, Officer))
            .ThenRefused("pledge-withdrawn");
    }

    [Fact]
    public void a_signed_agreement_is_not_withdrawn() =>
        Deciders.Contribution.Given(Agreed())
            .When(c => ContributionDecisions.Withdraw(c, new DateOnly(2026, 2, 1), "no", ClosedYears.None, Officer))
            .ThenRefused("pledge-already-signed");

    [Fact]
    public void a_top_up_is_valued_at_the_carrying_rate_and_goes_to_net_assets_when_unconditional() =>
        Deciders.Contribution.Given(Agreed(rate: 0.9m))
            .When(c => Amend(c, 150_000m))
            .Then(events =>
            {
                var amended = events.Should().ContainSingle().Subject;
                amended.ChangeChf.Should().Be(45_000m);
                amended.AmountChf.Should().Be(135_000m);
                amended.ToNetAssetsChf.Should().Be(45_000m);
                amended.ToDeferredRevenueChf.Should().Be(0m);
                Postings.For(amended).Sum(p => p.AmountChf).Should().Be(0m);
            });

    [Fact]
    public void a_reduction_of_a_conditional_agreement_takes_from_deferred_revenue_first()
    {
        var half = Deciders.Contribution.Given(Agreed(rate: 1m, conditions: ["report", "audit"])
            .Satisfied(1, new DateOnly(2026, 2, 1), "report sent"));
        half.State!.DeferredRevenueChf.Should().Be(50_000m);

        half.When(c => Amend(c, 30_000m))
            .Then(events =>
            {
                var cut = events.Should().ContainSingle().Subject;
                cut.ChangeChf.Should().Be(-70_000m);
                cut.ToDeferredRevenueChf.Should().Be(-50_000m);
                cut.ToNetAssetsChf.Should().Be(-20_000m);
            })
            .ThenState(state => state.DeferredRevenueChf.Should().Be(0m));
    }

    [Fact]
    public void a_top_up_after_every_condition_is_met_is_revenue_at_once() =>
        Deciders.Contribution.Given(Agreed(rate: 1m, conditions: ["report"]).Satisfied(1, new DateOnly(2026, 2, 1), "report sent"))
            .When(c => Amend(c, 150_000m))
            .Then(events =>
            {
                var topUp = events.Should().ContainSingle().Subject;
                topUp.ToDeferredRevenueChf.Should().Be(0m);
                topUp.ToNetAssetsChf.Should().Be(50_000m);
            })
            .ThenState(state => state.DeferredRevenueChf.Should().Be(0m));

    [Fact]
    public void amended_down_to_what_was_received_the_receivable_is_cleared_to_the_centime() =>
        Deciders.Contribution.Given(Agreed(amount: 100m, rate: 0.915m).Received(33.33m, 0.915m, "B1").Received(33.33m, 0.915m, "B2"))
            .When(c => Amend(c, 66.66m))
            .ThenState(amended =>
            {
                amended.ReceivableOriginal.Should().Be(0m);
                amended.ReceivableChf.Should().Be(0m);
            })
            .Then(events => Postings.For(events.Single()).Sum(p => p.AmountChf).Should().Be(0m));

    [Fact]
    public void an_amendment_never_goes_below_what_was_received_nor_changes_currency()
    {
        var received = Deciders.Contribution.Given(Agreed().Received(60_000m, 0.9m));
        received.When(c => Amend(c, 59_999m)).ThenRefused("amendment-below-received");
        received.When(c => Amend(c, 60_000m)).Then(events => events.Should().ContainSingle());
        received.When(c => Amend(c, 60_000m, "EUR")).ThenRefused("amendment-currency-must-match-agreement");
        received.When(c => Amend(c, 70_000m, on: new DateOnly(2026, 1, 1))).ThenRefused("amendment-before-agreement");
    }

    [Fact]
    public void an_amended_agreement_is_received_in_full_against_its_new_total() =>
        Deciders.Contribution.Given(Agreed(rate: 0.9m)).And(c => Amend(c, 120_000m))
            .When(c => Receive(c, 120_000m, 0.9m))
            .ThenState(paid =>
            {
                paid.ReceivableOriginal.Should().Be(0m);
                paid.ReceivableChf.Should().Be(0m);
            });
}
