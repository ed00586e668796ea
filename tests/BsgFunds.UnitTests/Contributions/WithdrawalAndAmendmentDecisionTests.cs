using BsgFunds.Domain.Audit;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.Given;

namespace BsgFunds.UnitTests.Contributions;

public class WithdrawalAndAmendmentDecisionTests
{
    private static Decision<AgreementAmended> Amend(Contribution state, decimal total, string currency = "USD", DateOnly? on = null) =>
        ContributionDecisions.Amend(state, "AGR-1-A", on ?? new DateOnly(2026, 4, 1), "top-up", Money.Of(total, currency),
            [new Instalment(new DateOnly(2027, 3, 1), Money.Of(total, currency))], ClosedYears.None, Officer);

    [Fact]
    public void a_pledge_not_yet_signed_is_withdrawn_and_then_counts_as_withdrawn()
    {
        var state = Then(Pledged(), ContributionDecisions.Withdraw(Pledged(), new DateOnly(2026, 2, 1), "board said no", ClosedYears.None, Officer));
        state.Status.Should().Be(ContributionStatus.Withdrawn);
        ContributionDecisions.Withdraw(state, new DateOnly(2026, 2, 2), "again", ClosedYears.None, Officer).Refusal!.Code.Should().Be("pledge-withdrawn");
    }

    [Fact]
    public void a_signed_agreement_is_not_withdrawn() =>
        ContributionDecisions.Withdraw(Agreed(), new DateOnly(2026, 2, 1), "no", ClosedYears.None, Officer).Refusal!.Code.Should().Be("pledge-already-signed");

    [Fact]
    public void a_top_up_is_valued_at_the_carrying_rate_and_goes_to_net_assets_when_unconditional()
    {
        var amended = Amend(Agreed(rate: 0.9m), 150_000m).Events.Single();
        amended.ChangeChf.Should().Be(45_000m);
        amended.AmountChf.Should().Be(135_000m);
        amended.ToNetAssetsChf.Should().Be(45_000m);
        amended.ToDeferredRevenueChf.Should().Be(0m);
        Postings.For(amended).Sum(p => p.AmountChf).Should().Be(0m);
    }

    [Fact]
    public void a_reduction_of_a_conditional_agreement_takes_from_deferred_revenue_first()
    {
        var agreed = Agreed(rate: 1m, conditions: ["report", "audit"]);
        var half = Then(agreed, ContributionDecisions.SatisfyCondition(agreed, 1, new DateOnly(2026, 2, 1), "report sent", ClosedYears.None, Officer));
        half.DeferredRevenueChf.Should().Be(50_000m);

        var cut = Amend(half, 30_000m).Events.Single();
        cut.ChangeChf.Should().Be(-70_000m);
        cut.ToDeferredRevenueChf.Should().Be(-50_000m);
        cut.ToNetAssetsChf.Should().Be(-20_000m);
        Then(half, Amend(half, 30_000m)).DeferredRevenueChf.Should().Be(0m);
    }

    [Fact]
    public void a_top_up_after_every_condition_is_met_is_revenue_at_once()
    {
        var agreed = Agreed(rate: 1m, conditions: ["report"]);
        var met = Then(agreed, ContributionDecisions.SatisfyCondition(agreed, 1, new DateOnly(2026, 2, 1), "report sent", ClosedYears.None, Officer));
        var topUp = Amend(met, 150_000m).Events.Single();
        topUp.ToDeferredRevenueChf.Should().Be(0m);
        topUp.ToNetAssetsChf.Should().Be(50_000m);
        Then(met, Amend(met, 150_000m)).DeferredRevenueChf.Should().Be(0m);
    }

    [Fact]
    public void amended_down_to_what_was_received_the_receivable_is_cleared_to_the_centime()
    {
        var agreed = Agreed(amount: 100m, rate: 0.915m);
        var twice = Received(Received(agreed, 33.33m, 0.915m, "B1"), 33.33m, 0.915m, "B2");
        var amended = Then(twice, Amend(twice, 66.66m));
        amended.ReceivableOriginal.Should().Be(0m);
        amended.ReceivableChf.Should().Be(0m);
        Postings.For(Amend(twice, 66.66m).Events.Single()).Sum(p => p.AmountChf).Should().Be(0m);
    }

    [Fact]
    public void an_amendment_never_goes_below_what_was_received_nor_changes_currency()
    {
        var received = Received(Agreed(), 60_000m, 0.9m);
        Amend(received, 59_999m).Refusal!.Code.Should().Be("amendment-below-received");
        Amend(received, 60_000m).IsRefused.Should().BeFalse();
        Amend(received, 60_000m, "EUR").Refusal!.Code.Should().Be("amendment-currency-must-match-agreement");
        Amend(received, 70_000m, on: new DateOnly(2026, 1, 1)).Refusal!.Code.Should().Be("amendment-before-agreement");
    }

    [Fact]
    public void an_amended_agreement_is_received_in_full_against_its_new_total()
    {
        var amended = Then(Agreed(rate: 0.9m), Amend(Agreed(rate: 0.9m), 120_000m));
        var paid = Received(amended, 120_000m, 0.9m);
        paid.ReceivableOriginal.Should().Be(0m);
        paid.ReceivableChf.Should().Be(0m);
    }
}
