using BsgFunds.Domain.Audit;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ReferenceData;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.Given;

namespace BsgFunds.UnitTests.Contributions;

public class ContributionDecisionTests
{
    private static Decision<ContributionReceived> Receipt(Contribution c, decimal amount, string currency, string bankReference) =>
        ContributionDecisions.RecordReceipt(c, Money.Of(amount, currency), new DateOnly(2026, 3, 10), bankReference, null, null, Rates("2026-03",
            (currency, 0.9m)), [], ClosedYears.None, Officer);

    [Theory]
    // source, donor type, donor country, refusal code (null: accepted)
    [InlineData(FundingSource.DevelopedCountryVoluntary, DonorType.MemberState, "DE", null)]
    [InlineData(FundingSource.DevelopedCountryVoluntary, DonorType.MemberState, "SN", "source-does-not-fit-donor")]
    [InlineData(FundingSource.DevelopedCountryVoluntary, DonorType.Foundation, "DE", "source-does-not-fit-donor")]
    [InlineData(FundingSource.PrivateSectorVoluntary, DonorType.SectorMember, "JP", null)]
    [InlineData(FundingSource.PrivateSectorVoluntary, DonorType.Associate, null, null)]
    [InlineData(FundingSource.PrivateSectorVoluntary, DonorType.Academia, null, "source-does-not-fit-donor")]
    [InlineData(FundingSource.ItuAdditionalBudget, DonorType.ItuSecretariat, null, null)]
    [InlineData(FundingSource.ItuAdditionalBudget, DonorType.MemberState, "CH", "source-does-not-fit-donor")]
    [InlineData(FundingSource.Partnership, DonorType.Foundation, null, null)]
    [InlineData(FundingSource.OtherVoluntary, DonorType.Other, null, null)]
    public void the_funding_source_must_fit_the_donor(FundingSource source, DonorType type, string? country, string? code)
    {
        var decision = ContributionDecisions.Pledge(ContributionId, Donor(type, country), source, Money.Of(1000m, "USD"), new DateOnly(2026, 1, 5),
            Earmark.Pooled, null, ClosedYears.None, Officer);
        decision.Refusal?.Code.Should().Be(code);
        if (code is null) decision.Events.Should().ContainSingle().Which.Source.Should().Be(source);
    }

    [Fact]
    public void a_pledge_needs_a_registered_donor_and_a_positive_amount()
    {
        ContributionDecisions.Pledge(ContributionId, null, FundingSource.Partnership, Money.Of(1m, "USD"), new DateOnly(2026, 1, 5), Earmark.Pooled,
            null, ClosedYears.None, Officer)
            .Refusal!.Code.Should().Be("donor-not-found");
        ContributionDecisions.Pledge(ContributionId, Donor(), FundingSource.Partnership, Money.Of(0m, "USD"), new DateOnly(2026, 1, 5),
            Earmark.Pooled, null, ClosedYears.None, Officer)
            .Refusal!.Code.Should().Be("amount-not-positive");
    }

    public static TheoryData<Earmark, bool> Earmarks => new()
    {
        { Earmark.Pooled, true },
        { new Earmark(EarmarkCategory.Unearmarked, 1, null, [], [], null), false },
        { new Earmark(EarmarkCategory.SoftlyEarmarked, 1, null, [], [], null), true },
        { new Earmark(EarmarkCategory.SoftlyEarmarked, null, null, [], [], null), false },
        { new Earmark(EarmarkCategory.SoftlyEarmarked, 4, null, [], [], null), false },
        { new Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [ItuRegion.Africa], ["SN"], null), true },
        { new Earmark(EarmarkCategory.Earmarked, 3, null, [], [], null), false },
        { new Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Training, [], ["XX"], null), false },
        { new Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Training, [], [null!], null), false },
        { new Earmark(EarmarkCategory.TightlyEarmarked, 2, UseOfFunds.Training, [], [], Guid.NewGuid()), true },
        { new Earmark(EarmarkCategory.TightlyEarmarked, 2, UseOfFunds.Training, [], [], null), false },
    };

    [Theory]
    [MemberData(nameof(Earmarks))]
    public void an_earmark_says_what_its_category_needs(Earmark earmark, bool valid)
    {
        var decision = ContributionDecisions.Pledge(ContributionId, Donor(), FundingSource.Partnership, Money.Of(1m, "USD"), new DateOnly(2026, 1,
            5), earmark, null, ClosedYears.None, Officer);
        decision.IsRefused.Should().Be(!valid);
        if (!valid) decision.Refusal!.Code.Should().Be("earmark-invalid");
    }

    [Fact]
    public void an_agreement_values_the_receivable_at_the_signing_month_rate()
    {
        var agreed = Agreed("USD", 100_000m, 0.9123m);
        agreed.Agreement!.AmountChf.Should().Be(91_230.00m);
        agreed.Agreement.RateMonth.Should().Be("2026-01");
        agreed.ReceivableChf.Should().Be(91_230.00m);
        agreed.Status.Should().Be(ContributionStatus.Agreed);
        agreed.AvailableChf.Should().Be(0m, "an agreement is not cash");
    }

    public static TheoryData<string, decimal[], decimal, string?, string> AgreementCases => new()
    {
        // currency, instalments, psc, rates month currency (null: none), expected code
        { "USD", [60_000m, 30_000m], 7m, "USD", "instalments-must-sum-to-amount" },
        { "USD", [], 7m, "USD", "instalments-required" },
        { "USD", [100_000m], 101m, "USD", "psc-rate-invalid" },
        { "USD", [100_000m], 7.125m, "USD", "psc-rate-invalid" },
        { "USD", [100_000m], 7m, null, "exchange-rate-missing" },
        { "USD", [100_000m], 7m, "EUR", "exchange-rate-missing" },
    };

    [Theory]
    [MemberData(nameof(AgreementCases))]
    public void a_bad_agreement_is_refused(string currency, decimal[] instalments, decimal psc, string? rateCurrency, string code)
    {
        var rates = rateCurrency is null ? null : Rates("2026-01", (rateCurrency, 0.9m));
        ContributionDecisions.SignAgreement(Pledged(currency), "AGR", new DateOnly(2026, 1, 15), Money.Of(100_000m, currency), psc,
                instalments.Select((a, i) => new Instalment(new DateOnly(2026, 3, 1).AddMonths(i), Money.Of(a, currency))).ToList(), null, [],
                    rates, ClosedYears.None, Officer)
            .Refusal!.Code.Should().Be(code);
    }

    [Fact]
    public void an_agreement_in_chf_needs_no_rate_and_a_second_agreement_is_a_conflict()
    {
        var agreed = Agreed("CHF", 50_000m);
        agreed.Agreement!.AmountChf.Should().Be(50_000m);
        ContributionDecisions.SignAgreement(agreed, "AGR-2", new DateOnly(2026, 2, 1), Money.Of(1m, "CHF"), 7m,
                [new Instalment(new DateOnly(2026, 3, 1), Money.Of(1m, "CHF"))], null, [], null, ClosedYears.None, Officer)
            .Refusal.Should().BeEquivalentTo(new { Kind = RefusalKind.Conflict, Code = "agreement-already-signed" });
    }

    [Theory]
    // amount received, month rate, expected CHF, relief, exchange difference, PSC
    [InlineData(60_000, 0.88, 52_800.00, 54_000.00, -1_200.00, 3_696.00)]
    [InlineData(60_000, 0.93, 55_800.00, 54_000.00, 1_800.00, 3_906.00)]
    [InlineData(60_000, 0.90, 54_000.00, 54_000.00, 0, 3_780.00)]
    [InlineData(33_333.33, 0.8765, 29_216.66, 30_000.00, -783.34, 2_045.17)]
    [InlineData(100_000, 0.91, 91_000.00, 90_000.00, 1_000.00, 6_370.00)]
    public void a_receipt_is_valued_at_its_month_rate_and_relieves_the_receivable_at_the_agreement_rate(
        double amount, double rate, double chf, double relief, double difference, double psc)
    {
        var state = Received(Agreed(), (decimal)amount, (decimal)rate);
        state.ReceivedChf.Should().Be((decimal)chf);
        state.ReceivableReliefChf.Should().Be((decimal)relief);
        state.ExchangeDifferenceChf.Should().Be((decimal)difference);
        state.PscChf.Should().Be((decimal)psc);
        state.AvailableChf.Should().Be((decimal)chf - (decimal)psc);
    }

    [Fact]
    public void the_receipt_that_clears_the_receivable_relieves_exactly_what_remains()
    {
        // 3 x 33 333.33 + 0.01 at 0.9: reliefs of 30 000.00 each would overshoot by rounding; the last one takes the rest.
        var state = Agreed("USD", 100_000m, 0.9m);
        state = Received(state, 33_333.33m, 0.9m, "A");
        state = Received(state, 33_333.33m, 0.9m, "B");
        state = Received(state, 33_333.34m, 0.9m, "C");
        state.ReceivableOriginal.Should().Be(0m);
        state.ReceivableChf.Should().Be(0m);
        state.Status.Should().Be(ContributionStatus.Received);
    }

    public static TheoryData<Func<Contribution>, Func<Contribution, Decision<ContributionReceived>>, string> ReceiptRefusals => new()
    {
        { () => Pledged(), c => Receipt(c, 1m, "USD", "B"), "agreement-not-signed" },
        // The endpoint reads the earlier receipts with the reference from the events: one that stands (sequence 5) refuses it.
        { () => Received(Agreed(), 1_000m, 0.9m, "B"), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 3, 10),
            "B", null, null, Rates("2026-03", ("USD", 0.9m)), [5], ClosedYears.None, Officer), "bank-reference-already-recorded" },
        { () => Agreed(), c => Receipt(c, 1m, "EUR", "B"), "receipt-currency-must-match-agreement" },
        { () => Agreed(), c => Receipt(c, 100_000.01m, "USD", "B"), "receipt-exceeds-receivable" },
        { () => Agreed(), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 4, 1), "B", null, null, null, [],ClosedYears.None, 
            Officer), "exchange-rate-missing" },
        { () => Agreed(), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 4, 1), "B", 0.9m, null, null, [],ClosedYears.None, 
            Officer), "rate-override-needs-reason" },
        { () => Agreed(), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 4, 1), "B", -1m, "bank rate", null,
            [], ClosedYears.None, Officer), "exchange-rate-not-positive" },
    };

    [Theory]
    [MemberData(nameof(ReceiptRefusals))]
    public void a_receipt_is_refused_when_a_rule_says_no(Func<Contribution> given, Func<Contribution, Decision<ContributionReceived>> when,
        string code)
    {
        var decision = when(given());
        decision.Refusal!.Code.Should().Be(code);
        decision.Events.Should().BeEmpty();
    }

    [Fact]
    public void a_rate_override_with_a_reason_is_used_and_recorded()
    {
        var decision = ContributionDecisions.RecordReceipt(Agreed(), Money.Of(1_000m, "USD"), new DateOnly(2026, 4, 1), "B", 0.95m,
            "bank's rate on the day", null, [], ClosedYears.None, Officer);
        decision.Events.Single().Should().BeEquivalentTo(new { RateToChf = 0.95m, RateSource = "override",
            RateOverrideReason = "bank's rate on the day", AmountChf = 950m });
    }

    [Fact]
    public void conditional_revenue_is_deferred_and_released_condition_by_condition()
    {
        var state = Agreed("EUR", 10_000m, 0.9333m, 7m, "Steering committee formed", "Work plan approved", "Report filed");
        state.DeferredRevenueChf.Should().Be(9_333.00m);
        state = Then(state, ContributionDecisions.SatisfyCondition(state, 2, new DateOnly(2026, 4, 1), "minutes", ClosedYears.None, Officer));
        state.SatisfiedConditions.Single().RevenueReleasedChf.Should().Be(3_111.00m);
        state = Then(state, ContributionDecisions.SatisfyCondition(state, 1, new DateOnly(2026, 5, 1), "minutes", ClosedYears.None, Officer));
        state = Then(state, ContributionDecisions.SatisfyCondition(state, 3, new DateOnly(2026, 6, 1), "report", ClosedYears.None, Officer));
        state.SatisfiedConditions.Select(c => c.RevenueReleasedChf).Should().Equal(3_111.00m, 3_111.00m, 3_111.00m);
        state.DeferredRevenueChf.Should().Be(0m);

        ContributionDecisions.SatisfyCondition(state, 3, new DateOnly(2026, 6, 1), "again",ClosedYears.None, 
            Officer).Refusal!.Code.Should().Be("condition-already-satisfied");
        ContributionDecisions.SatisfyCondition(state, 4, new DateOnly(2026, 6, 1), "x", ClosedYears.None, Officer).Refusal!.Code.Should().Be("condition-not-found");
        ContributionDecisions.SatisfyCondition(Pledged(), 1, new DateOnly(2026, 6, 1), "x",ClosedYears.None, 
            Officer).Refusal!.Code.Should().Be("agreement-not-signed");
    }

    [Fact]
    public void the_last_condition_releases_the_rounding_remainder()
    {
        var state = Agreed("CHF", 100m, 1m, 7m, "a", "b", "c");
        foreach (var n in new[] { 1, 2, 3 }) state = Then(state, ContributionDecisions.SatisfyCondition(state, n, new DateOnly(2026, 4, 1), "e",ClosedYears.None, 
            Officer));
        state.SatisfiedConditions.Select(c => c.RevenueReleasedChf).Should().Equal(33.33m, 33.33m, 33.34m);
    }

    [Fact]
    public void a_write_off_reduces_the_receivable_at_the_agreement_rate_and_deferred_revenue_first()
    {
        var state = Agreed("USD", 100_000m, 0.9m, 7m, "condition");
        state = Then(state, ContributionDecisions.WriteOff(state, Money.Of(10_000m, "USD"), "donor budget cut", ClosedYears.None, Officer));
        state.WrittenOffChf.Should().Be(9_000m);
        state.DeferredWrittenOffChf.Should().Be(9_000m);
        state.DeferredRevenueChf.Should().Be(81_000m);
        state.ReceivableOriginal.Should().Be(90_000m);

        ContributionDecisions.WriteOff(state, Money.Of(90_000.01m, "USD"), "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("write-off-exceeds-receivable");
        ContributionDecisions.WriteOff(state, Money.Of(1m, "EUR"), "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("write-off-currency-must-match-agreement");
        ContributionDecisions.WriteOff(Pledged(), Money.Of(1m, "USD"), "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("agreement-not-signed");
    }

    [Fact]
    public void a_refund_is_never_more_than_is_unspent_and_a_fully_used_contribution_is_closed()
    {
        var state = Received(Agreed("CHF", 1_000m, 1m), 1_000m, 1m);
        state.AvailableChf.Should().Be(930m);
        ContributionDecisions.Refund(state, 930.01m, "r", "consent", ClosedYears.None, Officer).Refusal!.Code.Should().Be("refund-exceeds-unspent");
        ContributionDecisions.Refund(state, 0.001m, "r", "consent", ClosedYears.None, Officer).Refusal!.Code.Should().Be("amount-too-precise");
        state = Then(state, ContributionDecisions.Refund(state, 930m, "project cancelled", "LTR-7", ClosedYears.None, Officer));
        state.AvailableChf.Should().Be(0m);
        state.Status.Should().Be(ContributionStatus.Closed);
    }

    [Fact]
    public void a_contribution_stored_before_receipt_days_existed_counts_from_empty_instead_of_failing()
    {
        var stored = Agreed() with { ReceiptDays = null! };
        var receipt = ContributionDecisions.RecordReceipt(stored, Money.Of(1_000m, "USD"), new DateOnly(2026, 3, 10), "B", null, null,
            Rates("2026-03", ("USD", 0.9m)), [], ClosedYears.None, Officer).Events.Single();
        stored.OldestReceiptOn.Should().BeNull();
        ContributionFold.Apply(stored, receipt).ReceiptDays.Should().Equal(new ReceiptDay(new DateOnly(2026, 3, 10), 1));
    }

    [Fact]
    public void a_reversed_receipt_undoes_its_figures_frees_its_bank_reference_and_is_reversed_once()
    {
        var agreed = Agreed();
        var receipt = ContributionDecisions.RecordReceipt(agreed, Money.Of(60_000m, "USD"), new DateOnly(2026, 3, 10), "BNK-1", null, null,
            Rates("2026-03", ("USD", 0.88m)), [], ClosedYears.None, Officer).Events.Single();
        var received = ContributionFold.Apply(agreed, receipt);

        var reversed = Then(received, ContributionDecisions.Reverse(received, 8, ContributionId, receipt, "keyed twice", ClosedYears.None, Officer));
        reversed.Should().BeEquivalentTo(agreed, o => o.Excluding(c => c.ReversedSequences));
        reversed.ReversedSequences.Should().Equal(8);

        ContributionDecisions.Reverse(reversed, 8, ContributionId, receipt, "again", ClosedYears.None, Officer).Refusal!.Code.Should().Be("event-already-reversed");
        Then(reversed, ContributionDecisions.RecordReceipt(reversed, Money.Of(60_000m, "USD"), new DateOnly(2026, 3, 10), "BNK-1", null, null,
            Rates("2026-03", ("USD", 0.88m)), [8], ClosedYears.None, Officer))
            .ReceivedChf.Should().Be(52_800m);
    }

    [Fact]
    public void a_reversal_is_refused_for_other_contributions_events_non_money_events_and_spent_cash()
    {
        var state = Received(Agreed("CHF", 1_000m, 1m), 1_000m, 1m);
        var receipt = new ContributionReceived(ContributionId, DonorId, Money.Chf(1_000m), new DateOnly(2026, 3, 10), "BNK-1", 1m, "CHF", "2026-03",
            null, 1_000m, 1_000m, 0m, 7m, 70m, Earmark.Pooled, "fo-1", Now);

        ContributionDecisions.Reverse(state, 5, Guid.NewGuid(), receipt, "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("event-not-in-contribution");
        ContributionDecisions.Reverse(state, 5, null, null, "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("event-not-in-contribution");
        ContributionDecisions.Reverse(state, 2, ContributionId, state.Agreement!, "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("event-not-reversible");

        state = Then(state, ContributionDecisions.Refund(state, 500m, "r", "consent", ClosedYears.None, Officer));
        ContributionDecisions.Reverse(state, 5, ContributionId, receipt, "r", ClosedYears.None, Officer).Refusal!.Code.Should().Be("reversal-exceeds-unspent");
    }
}
