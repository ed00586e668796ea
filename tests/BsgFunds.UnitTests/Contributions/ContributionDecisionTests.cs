using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.ContributionHistory;

namespace BsgFunds.UnitTests.Contributions;

public class ContributionDecisionTests
{
    private static Decision<ContributionPledged> Pledge(Donor? donor, FundingSource source, decimal amount, Earmark earmark) =>
        ContributionDecisions.Pledge(ContributionId, donor, source, Money.Of(amount, "USD"), new DateOnly(2026, 1, 5), earmark, null,
            ClosedYears.None, Officer);

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
        var pledge = Deciders.Contribution.Given().When(_ => Pledge(Donor(type, country), source, 1000m, Earmark.Pooled));
        if (code is null) pledge.Then(events => events.Should().ContainSingle().Which.Source.Should().Be(source));
        else pledge.ThenRefused(code);
    }

    [Fact]
    public void a_pledge_needs_a_registered_donor_and_a_positive_amount()
    {
        Deciders.Contribution.Given().When(_ => Pledge(null, FundingSource.Partnership, 1m, Earmark.Pooled)).ThenRefused("donor-not-found");
        Deciders.Contribution.Given().When(_ => Pledge(Donor(), FundingSource.Partnership, 0m, Earmark.Pooled)).ThenRefused("amount-not-positive");
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
        var pledge = Deciders.Contribution.Given().When(_ => Pledge(Donor(), FundingSource.Partnership, 1m, earmark));
        if (valid) pledge.Then(events => events.Should().ContainSingle());
        else pledge.ThenRefused("earmark-invalid");
    }

    [Fact]
    public void an_agreement_values_the_receivable_at_the_signing_month_rate() =>
        Deciders.Contribution.Given(Pledged("USD", 100_000m))
            .When(c => Sign(c, 0.9123m))
            .ThenState(agreed =>
            {
                agreed.Agreement!.AmountChf.Should().Be(91_230.00m);
                agreed.Agreement.RateMonth.Should().Be("2026-01");
                agreed.ReceivableChf.Should().Be(91_230.00m);
                agreed.Status.Should().Be(ContributionStatus.Agreed);
                agreed.AvailableChf.Should().Be(0m, "an agreement is not cash");
            });

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
        var schedule = instalments.Select((a, i) => new Instalment(new DateOnly(2026, 3, 1).AddMonths(i), Money.Of(a, currency))).ToList();
        Deciders.Contribution.Given(Pledged(currency))
            .When(c => ContributionDecisions.SignAgreement(c, "AGR", new DateOnly(2026, 1, 15), Money.Of(100_000m, currency), psc, schedule, null,
                [], rates, ClosedYears.None, Officer))
            .ThenRefused(code);
    }

    [Fact]
    public void an_agreement_in_chf_needs_no_rate_and_a_second_agreement_is_a_conflict()
    {
        Deciders.Contribution.Given(Pledged("CHF", 50_000m)).When(c => Sign(c))
            .ThenState(agreed => agreed.Agreement!.AmountChf.Should().Be(50_000m));
        Deciders.Contribution.Given(Agreed("CHF", 50_000m))
            .When(c => ContributionDecisions.SignAgreement(c, "AGR-2", new DateOnly(2026, 2, 1), Money.Of(1m, "CHF"), 7m,
                [new Instalment(new DateOnly(2026, 3, 1), Money.Of(1m, "CHF"))], null, [], null, ClosedYears.None, Officer))
            .ThenRefused("agreement-already-signed").Kind.Should().Be(RefusalKind.Conflict);
    }

    [Theory]
    // amount received, month rate, expected CHF, relief, exchange difference, PSC
    [InlineData(60_000, 0.88, 52_800.00, 54_000.00, -1_200.00, 3_696.00)]
    [InlineData(60_000, 0.93, 55_800.00, 54_000.00, 1_800.00, 3_906.00)]
    [InlineData(60_000, 0.90, 54_000.00, 54_000.00, 0, 3_780.00)]
    [InlineData(33_333.33, 0.8765, 29_216.66, 30_000.00, -783.34, 2_045.17)]
    [InlineData(100_000, 0.91, 91_000.00, 90_000.00, 1_000.00, 6_370.00)]
    public void a_receipt_is_valued_at_its_month_rate_and_relieves_the_receivable_at_the_agreement_rate(
        double amount, double rate, double chf, double relief, double difference, double psc) =>
        Deciders.Contribution.Given(Agreed())
            .When(c => Receive(c, (decimal)amount, (decimal)rate))
            .ThenState(state =>
            {
                state.ReceivedChf.Should().Be((decimal)chf);
                state.ReceivableReliefChf.Should().Be((decimal)relief);
                state.ExchangeDifferenceChf.Should().Be((decimal)difference);
                state.PscChf.Should().Be((decimal)psc);
                state.AvailableChf.Should().Be((decimal)chf - (decimal)psc);
            });

    [Fact]
    public void the_receipt_that_clears_the_receivable_relieves_exactly_what_remains() =>
        // 3 x 33 333.33 + 0.01 at 0.9: reliefs of 30 000.00 each would overshoot by rounding; the last one takes the rest.
        Deciders.Contribution.Given(Agreed("USD", 100_000m, 0.9m).Received(33_333.33m, 0.9m, "A").Received(33_333.33m, 0.9m, "B"))
            .When(c => Receive(c, 33_333.34m, 0.9m, "C"))
            .ThenState(state =>
            {
                state.ReceivableOriginal.Should().Be(0m);
                state.ReceivableChf.Should().Be(0m);
                state.Status.Should().Be(ContributionStatus.Received);
            });

    public static TheoryData<Func<object[]>, Func<Contribution, Decision<ContributionReceived>>, string> ReceiptRefusals => new()
    {
        { () => Pledged(), c => Receipt(c, 1m, "USD", "B"), "agreement-not-signed" },
        // The endpoint reads the earlier receipts with the reference from the events: one that stands (sequence 5) refuses it.
        { () => Agreed().Received(1_000m, 0.9m, "B"), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 3, 10),
            "B", null, null, Rates("2026-03", ("USD", 0.9m)), [5], ClosedYears.None, Officer), "bank-reference-already-recorded" },
        { () => Agreed(), c => Receipt(c, 1m, "EUR", "B"), "receipt-currency-must-match-agreement" },
        { () => Agreed(), c => Receipt(c, 100_000.01m, "USD", "B"), "receipt-exceeds-receivable" },
        { () => Agreed(), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 4, 1), "B", null, null, null, [],
            ClosedYears.None, Officer), "exchange-rate-missing" },
        { () => Agreed(), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 4, 1), "B", 0.9m, null, null, [],
            ClosedYears.None, Officer), "rate-override-needs-reason" },
        { () => Agreed(), c => ContributionDecisions.RecordReceipt(c, Money.Of(1m, "USD"), new DateOnly(2026, 4, 1), "B", -1m, "bank rate", null,
            [], ClosedYears.None, Officer), "exchange-rate-not-positive" },
    };

    [Theory]
    [MemberData(nameof(ReceiptRefusals))]
    public void a_receipt_is_refused_when_a_rule_says_no(Func<object[]> given, Func<Contribution, Decision<ContributionReceived>> when,
        string code) =>
        Deciders.Contribution.Given(given()).When(when).ThenRefused(code);

    [Fact]
    public void a_rate_override_with_a_reason_is_used_and_recorded() =>
        Deciders.Contribution.Given(Agreed())
            .When(c => ContributionDecisions.RecordReceipt(c, Money.Of(1_000m, "USD"), new DateOnly(2026, 4, 1), "B", 0.95m,
                "bank's rate on the day", null, [], ClosedYears.None, Officer))
            .Then(events => events.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RateToChf = 0.95m, RateSource = "override",
                RateOverrideReason = "bank's rate on the day", AmountChf = 950m }));

    [Fact]
    public void conditional_revenue_is_deferred_and_released_condition_by_condition()
    {
        var agreed = Agreed("EUR", 10_000m, 0.9333m, 7m, "Steering committee formed", "Work plan approved", "Report filed");
        State(agreed).DeferredRevenueChf.Should().Be(9_333.00m);
        Deciders.Contribution.Given(agreed)
            .When(c => ContributionDecisions.SatisfyCondition(c, 2, new DateOnly(2026, 4, 1), "minutes", ClosedYears.None, Officer))
            .ThenState(state => state.SatisfiedConditions.Single().RevenueReleasedChf.Should().Be(3_111.00m));

        var twoMet = agreed.Satisfied(2, new DateOnly(2026, 4, 1), "minutes").Satisfied(1, new DateOnly(2026, 5, 1), "minutes");
        Deciders.Contribution.Given(twoMet)
            .When(c => ContributionDecisions.SatisfyCondition(c, 3, new DateOnly(2026, 6, 1), "report", ClosedYears.None, Officer))
            .ThenState(state =>
            {
                state.SatisfiedConditions.Select(c => c.RevenueReleasedChf).Should().Equal(3_111.00m, 3_111.00m, 3_111.00m);
                state.DeferredRevenueChf.Should().Be(0m);
            });

        var allMet = twoMet.Satisfied(3, new DateOnly(2026, 6, 1), "report");
        Deciders.Contribution.Given(allMet)
            .When(c => ContributionDecisions.SatisfyCondition(c, 3, new DateOnly(2026, 6, 1), "again", ClosedYears.None, Officer))
            .ThenRefused("condition-already-satisfied");
        Deciders.Contribution.Given(allMet)
            .When(c => ContributionDecisions.SatisfyCondition(c, 4, new DateOnly(2026, 6, 1), "x", ClosedYears.None, Officer))
            .ThenRefused("condition-not-found");
        Deciders.Contribution.Given(Pledged())
            .When(c => ContributionDecisions.SatisfyCondition(c, 1, new DateOnly(2026, 6, 1), "x", ClosedYears.None, Officer))
            .ThenRefused("agreement-not-signed");
    }

    [Fact]
    public void the_last_condition_releases_the_rounding_remainder() =>
        Deciders.Contribution.Given(Agreed("CHF", 100m, 1m, 7m, "a", "b", "c")
                .Satisfied(1, new DateOnly(2026, 4, 1), "e").Satisfied(2, new DateOnly(2026, 4, 1), "e"))
            .When(c => ContributionDecisions.SatisfyCondition(c, 3, new DateOnly(2026, 4, 1), "e", ClosedYears.None, Officer))
            .ThenState(state => state.SatisfiedConditions.Select(c => c.RevenueReleasedChf).Should().Equal(33.33m, 33.33m, 33.34m));

    [Fact]
    public void a_write_off_reduces_the_receivable_at_the_agreement_rate_and_deferred_revenue_first()
    {
        var agreed = Deciders.Contribution.Given(Agreed("USD", 100_000m, 0.9m, 7m, "condition"));
        agreed.When(c => ContributionDecisions.WriteOff(c, Money.Of(10_000m, "USD"), "donor budget cut", ClosedYears.None, Officer))
            .ThenState(state =>
            {
                state.WrittenOffChf.Should().Be(9_000m);
                state.DeferredWrittenOffChf.Should().Be(9_000m);
                state.DeferredRevenueChf.Should().Be(81_000m);
                state.ReceivableOriginal.Should().Be(90_000m);
            });

        var writtenOff = agreed.And(c => ContributionDecisions.WriteOff(c, Money.Of(10_000m, "USD"), "donor budget cut", ClosedYears.None, Officer));
        writtenOff.When(c => ContributionDecisions.WriteOff(c, Money.Of(90_000.01m, "USD"), "r", ClosedYears.None, Officer))
            .ThenRefused("write-off-exceeds-receivable");
        writtenOff.When(c => ContributionDecisions.WriteOff(c, Money.Of(1m, "EUR"), "r", ClosedYears.None, Officer))
            .ThenRefused("write-off-currency-must-match-agreement");
        Deciders.Contribution.Given(Pledged()).When(c => ContributionDecisions.WriteOff(c, Money.Of(1m, "USD"), "r", ClosedYears.None, Officer))
            .ThenRefused("agreement-not-signed");
    }

    [Fact]
    public void a_refund_is_never_more_than_is_unspent_and_a_fully_used_contribution_is_closed()
    {
        var received = Deciders.Contribution.Given(Agreed("CHF", 1_000m, 1m).Received(1_000m, 1m));
        received.State!.AvailableChf.Should().Be(930m);
        received.When(c => ContributionDecisions.Refund(c, 930.01m, "r", "consent", ClosedYears.None, Officer)).ThenRefused("refund-exceeds-unspent");
        received.When(c => ContributionDecisions.Refund(c, 0.001m, "r", "consent", ClosedYears.None, Officer)).ThenRefused("amount-too-precise");
        received.When(c => ContributionDecisions.Refund(c, 930m, "project cancelled", "LTR-7", ClosedYears.None, Officer))
            .ThenState(state =>
            {
                state.AvailableChf.Should().Be(0m);
                state.Status.Should().Be(ContributionStatus.Closed);
            });
    }

    [Fact]
    public void a_contribution_stored_before_receipt_days_existed_counts_from_empty_instead_of_failing()
    {
        var stored = State(Agreed()) with { ReceiptDays = null! };
        stored.OldestReceiptOn.Should().BeNull();
        Deciders.Contribution.Given(stored)
            .When(c => Receive(c, 1_000m, 0.9m, "B"))
            .ThenState(state => state.ReceiptDays.Should().Equal(new ReceiptDay(new DateOnly(2026, 3, 10), 1)));
    }

    [Fact]
    public void a_reversed_receipt_undoes_its_figures_frees_its_bank_reference_and_is_reversed_once()
    {
        var agreed = Agreed();
        var received = agreed.Received(60_000m, 0.88m, "BNK-1");
        var receipt = received.OfType<ContributionReceived>().Single();
        Deciders.Contribution.Given(received)
            .When(c => ContributionDecisions.Reverse(c, 8, ContributionId, receipt, "keyed twice", ClosedYears.None, Officer))
            .ThenState(reversed =>
            {
                reversed.Should().BeEquivalentTo(State(agreed), o => o.Excluding(c => c.ReversedSequences));
                reversed.ReversedSequences.Should().Equal(8);
            });

        var reversed = Deciders.Contribution.Given(received)
            .And(c => ContributionDecisions.Reverse(c, 8, ContributionId, receipt, "keyed twice", ClosedYears.None, Officer));
        reversed.When(c => ContributionDecisions.Reverse(c, 8, ContributionId, receipt, "again", ClosedYears.None, Officer))
            .ThenRefused("event-already-reversed");
        reversed.When(c => ContributionDecisions.RecordReceipt(c, Money.Of(60_000m, "USD"), new DateOnly(2026, 3, 10), "BNK-1", null, null,
                Rates("2026-03", ("USD", 0.88m)), [8], ClosedYears.None, Officer))
            .ThenState(state => state.ReceivedChf.Should().Be(52_800m));
    }

    [Fact]
    public void a_reversal_is_refused_for_other_contributions_events_non_money_events_and_spent_cash()
    {
        var received = Deciders.Contribution.Given(Agreed("CHF", 1_000m, 1m).Received(1_000m, 1m));
        var receipt = new ContributionReceived(ContributionId, DonorId, Money.Chf(1_000m), new DateOnly(2026, 3, 10), "BNK-1", 1m, "CHF", "2026-03",
            null, 1_000m, 1_000m, 0m, 7m, 70m, Earmark.Pooled, "fo-1", Now);

        received.When(c => ContributionDecisions.Reverse(c, 5, Guid.NewGuid(), receipt, "r", ClosedYears.None, Officer))
            .ThenRefused("event-not-in-contribution");
        received.When(c => ContributionDecisions.Reverse(c, 5, null, null, "r", ClosedYears.None, Officer))
            .ThenRefused("event-not-in-contribution");
        received.When(c => ContributionDecisions.Reverse(c, 2, ContributionId, c.Agreement!, "r", ClosedYears.None, Officer))
            .ThenRefused("event-not-reversible");

        received.And(c => ContributionDecisions.Refund(c, 500m, "r", "consent", ClosedYears.None, Officer))
            .When(c => ContributionDecisions.Reverse(c, 5, ContributionId, receipt, "r", ClosedYears.None, Officer))
            .ThenRefused("reversal-exceeds-unspent");
    }
}
