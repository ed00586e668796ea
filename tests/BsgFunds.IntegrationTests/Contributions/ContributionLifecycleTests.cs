using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;

namespace BsgFunds.IntegrationTests.Contributions;

public class ContributionLifecycleTests(AppFixture app) : ApiTest(app)
{
    private async Task<FinanceOffice> Officer() => new(Host, await TokenFor("FinanceOfficer", "fo-1"));

    [Fact]
    public async Task a_usd_contribution_with_an_exchange_loss_then_a_gain()
    {
        var fo = await Officer();
        await fo.Rate("USD", "2026-01", 0.90m);
        await fo.Rate("USD", "2026-03", 0.88m);
        await fo.Rate("USD", "2026-09", 0.93m);
        var donor = await fo.Donor("United States of America", "MemberState", "US");
        var id = await fo.Pledge(donor, "DevelopedCountryVoluntary", 100_000m, "USD");

        var pledged = await fo.Contribution(id);
        pledged.Status.Should().Be("Pledged");
        pledged.AvailableChf.Should().Be(0m, "a pledge is never spendable");

        var agreed = (await fo.Sign(id, 100_000m, "USD")).Contribution;
        agreed.AgreedChf.Should().Be(90_000.00m);          // 100 000 x 0.90
        agreed.ReceivableChf.Should().Be(90_000.00m);

        // March: 60 000 x 0.88 = 52 800.00 in cash; relieves 60 000 x 0.90 = 54 000.00; loss 1 200.00; PSC 7 % = 3 696.00.
        var march = await fo.Receive(id, 60_000m, "USD", "2026-03-10", "BNK-0310");
        march.EventSequence.Should().BeGreaterThan(0);
        march.Contribution.Should().BeEquivalentTo(new
        {
            Status = "Received", ReceivedChf = 52_800.00m, ReceivableChf = 36_000.00m, ExchangeDifferenceChf = -1_200.00m,
            PscChf = 3_696.00m, AvailableChf = 49_104.00m,
        });
        march.Contribution.Receivable.Should().Be(new MoneyAnswer(40_000m, "USD"));

        // September: 40 000 x 0.93 = 37 200.00; relieves the remaining 36 000.00; gain 1 200.00; PSC 2 604.00.
        var september = (await fo.Receive(id, 40_000m, "USD", "2026-09-15", "BNK-0915")).Contribution;
        september.Should().BeEquivalentTo(new
        {
            ReceivedChf = 90_000.00m, ReceivableChf = 0m, ExchangeDifferenceChf = 0m, PscChf = 6_300.00m, AvailableChf = 83_700.00m,
        });
        september.Receivable.Amount.Should().Be(0m);

        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var tb = await fo.TrialBalance();
        tb.ShouldBalance();
        tb.Balance("Assets:Cash").Should().Be(90_000.00m);
        tb.Accounts.Single(a => a.Account == "Assets:Cash").BalanceByCurrency["USD"].Should().Be(100_000m);
        tb.Balance($"Assets:ContributionsReceivable:{donor}").Should().Be(0m);
        tb.Balance("Expenses:ExchangeLoss").Should().Be(1_200.00m);
        tb.Balance("Income:ExchangeGain").Should().Be(-1_200.00m);
        tb.Balance("Income:ProgrammeSupportCost").Should().Be(-6_300.00m);
        tb.Balance("NetAssets:Unrestricted").Should().Be(-83_700.00m);
    }

    [Fact]
    public async Task a_conditional_eur_agreement_signed_under_ipsas_23_defers_revenue_until_each_condition_is_met_then_refunds_unspent_cash()
    {
        // Signed in 2025, before IPSAS 47 applies (decision 0011): IPSAS 23 to its end.
        var fo = await Officer();
        await fo.Rate("EUR", "2025-02", 0.9412m);
        await fo.Rate("EUR", "2025-05", 0.9500m);
        var donor = await fo.Donor("Fondation Exemple", "Foundation", "FR");
        var earmark = new { category = "Earmarked", programme = 3, use = "Fellowship", regions = new[] { "Africa" } };
        var id = await fo.Pledge(donor, "OtherVoluntary", 25_000m, "EUR", earmark);

        // 25 000 x 0.9412 = 23 530.00, all deferred.
        var agreed = (await fo.Sign(id, 25_000m, "EUR", "2025-02-20", ["Fellowship selection panel set up", "Annual report received"],
            13m)).Contribution;
        agreed.DeferredRevenueChf.Should().Be(23_530.00m);

        var first = await fo.Send("POST", $"/api/contributions/{id}/conditions/1/satisfied", new { on = "2025-04-01",
            evidence = "Panel minutes 2025-03-28" }, 200);
        (await FinanceOffice.Read<Change>(first)).Contribution.DeferredRevenueChf.Should().Be(11_765.00m);

        // 25 000 x 0.95 = 23 750.00; relief 23 530.00; gain 220.00; PSC 13 % = 3 087.50.
        var received = (await fo.Receive(id, 25_000m, "EUR", "2025-05-04", "SEPA-77")).Contribution;
        received.Should().BeEquivalentTo(new { ReceivedChf = 23_750.00m, ExchangeDifferenceChf = 220.00m, PscChf = 3_087.50m,
            AvailableChf = 20_662.50m });

        await fo.Send("POST", $"/api/contributions/{id}/conditions/2/satisfied", new { on = "2025-06-01", evidence = "Report 2025" }, 200);
        await fo.Send("POST", $"/api/contributions/{id}/refunds", new { amountChf = 20_662.51m, reason = "Programme ended",
            donorConsentReference = "LTR-2025-14" }, 422);
        var refunded = await FinanceOffice.Read<Change>(await fo.Send("POST", $"/api/contributions/{id}/refunds",
            new { amountChf = 20_662.50m, reason = "Programme ended", donorConsentReference = "LTR-2025-14" }, 201));
        refunded.Contribution.Should().BeEquivalentTo(new { RefundedChf = 20_662.50m, AvailableChf = 0m, DeferredRevenueChf = 0m,
            Status = "Closed" });

        var tb = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        tb.ShouldBalance();
        tb.Balance("Liabilities:DeferredRevenue").Should().Be(0m);
        tb.Balance("NetAssets:Restricted:Programme3:Fellowship:Africa").Should().Be(-(23_530.00m - 3_087.50m - 20_662.50m));
        tb.Balance("Assets:Cash").Should().Be(3_087.50m);
    }

    [Fact]
    public async Task the_same_agreement_signed_under_ipsas_47_holds_the_cash_as_a_liability_until_spent_or_refunded()
    {
        var fo = await Officer();
        await fo.Rate("EUR", "2026-02", 0.9412m);
        await fo.Rate("EUR", "2026-05", 0.9500m);
        var donor = await fo.Donor("Fondation Exemple", "Foundation", "FR");
        var earmark = new { category = "Earmarked", programme = 3, use = "Fellowship", regions = new[] { "Africa" } };
        var id = await fo.Pledge(donor, "OtherVoluntary", 25_000m, "EUR", earmark);

        // Earmarked and conditional: compliance obligations by default; nothing is recognised at signature.
        var agreed = (await fo.Sign(id, 25_000m, "EUR", "2026-02-20", ["Fellowship selection panel set up", "Annual report received"],
            13m)).Contribution;
        agreed.DeferredRevenueChf.Should().Be(0m);
        var signedTb = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        signedTb.Accounts.Should().NotContain(a => a.Account.StartsWith("Assets:ContributionsReceivable", StringComparison.Ordinal));

        // 25 000 x 0.95 = 23 750.00 held; PSC 13 % = 3 087.50 meets part of the obligation; the rest is refunded.
        await fo.Receive(id, 25_000m, "EUR", "2026-05-04", "SEPA-77");
        await fo.Send("POST", $"/api/contributions/{id}/refunds", new { amountChf = 20_662.50m, reason = "Programme ended",
            donorConsentReference = "LTR-2026-14" }, 201);

        var tb = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        tb.ShouldBalance();
        tb.Balance($"Liabilities:ComplianceObligations:{id}").Should().Be(0m);
        tb.Balance("Income:ProgrammeSupportCost").Should().Be(-3_087.50m);
        tb.Balance("Assets:Cash").Should().Be(3_087.50m);
        tb.Accounts.Should().NotContain(a => a.Account.StartsWith("NetAssets:Restricted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_chf_contribution_is_written_off_in_part_and_closes_when_nothing_is_left()
    {
        var fo = await Officer();
        var donor = await fo.Donor("ITU secretariat", "ItuSecretariat", null);
        var id = await fo.Pledge(donor, "ItuAdditionalBudget", 10_000m, "CHF");
        await fo.Sign(id, 10_000m, "CHF", pscRatePercent: 0m);
        (await fo.Receive(id, 7_500m, "CHF", "2026-02-01", "CH-1")).Contribution.ExchangeDifferenceChf.Should().Be(0m);

        await fo.Send("POST", $"/api/contributions/{id}/write-offs", new { amount = new { amount = 2_500.01m, currency = "CHF" }, reason = "x" },
            422);
        var writtenOff = await FinanceOffice.Read<Change>(await fo.Send("POST", $"/api/contributions/{id}/write-offs",
            new { amount = new { amount = 2_500m, currency = "CHF" }, reason = "Budget reduced by Council" }, 201));
        writtenOff.Contribution.Should().BeEquivalentTo(new { WrittenOffChf = 2_500m, ReceivableChf = 0m, AvailableChf = 7_500m,
            Status = "Received" });

        var refund = await FinanceOffice.Read<Change>(await fo.Send("POST", $"/api/contributions/{id}/refunds",
            new { amountChf = 7_500m, reason = "Returned to the regular budget", donorConsentReference = "C-1" }, 201));
        refund.Contribution.Status.Should().Be("Closed");
    }

    [Fact]
    public async Task a_jpy_contribution_keeps_whole_yen_and_refuses_fractions()
    {
        var fo = await Officer();
        await fo.Rate("JPY", "2026-01", 0.005745m);
        await fo.Rate("JPY", "2026-04", 0.005810m);
        var donor = await fo.Donor("Japan", "MemberState", "JP");
        var id = await fo.Pledge(donor, "DevelopedCountryVoluntary", 20_000_000m, "JPY");
        (await fo.Sign(id, 20_000_000m, "JPY")).Contribution.AgreedChf.Should().Be(114_900.00m);

        var bad = await fo.Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount = 1_000.5m, currency = "JPY" }, valueDate = "2026-04-01", bankReference = "JP-1" }, 400);
        (await bad.ReadAsTextAsync()).Should().Contain("amount");

        // 12 345 679 x 0.005810 = 71 728.39499 -> 71 728.39; relief 12 345 679 x 0.005745 = 70 925.92586 -> 70 925.93; gain 802.46; PSC 5 020.99.
        var received = (await fo.Receive(id, 12_345_679m, "JPY", "2026-04-01", "JP-1")).Contribution;
        received.Should().BeEquivalentTo(new { ReceivedChf = 71_728.39m, ExchangeDifferenceChf = 802.46m, PscChf = 5_020.99m,
            ReceivableChf = 114_900.00m - 70_925.93m });
        received.Receivable.Should().Be(new MoneyAnswer(7_654_321m, "JPY"));
    }

    [Fact]
    public async Task a_reversed_receipt_stays_in_the_ledger_frees_its_bank_reference_and_restores_the_balances()
    {
        var fo = await Officer();
        await fo.Rate("USD", "2026-01", 0.9m);
        var donor = await fo.Donor("Acme Telecom", "SectorMember", "SE");
        var id = await fo.Pledge(donor, "PrivateSectorVoluntary", 5_000m, "USD");
        await fo.Sign(id, 5_000m, "USD");
        var before = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));

        var wrong = await fo.Receive(id, 500m, "USD", "2026-01-20", "REF-9");
        await fo.Send("POST", $"/api/contributions/{id}/receipts", new { amount = new { amount = 500m, currency = "USD" }, valueDate = "2026-01-20",
            bankReference = "REF-9" }, 409);

        var reversal = await FinanceOffice.Read<Change>(await fo.Send("POST", $"/api/contributions/{id}/reversals",
            new { eventSequence = wrong.EventSequence, reason = "Keyed against the wrong contribution" }, 201));
        reversal.Contribution.Should().BeEquivalentTo(new { ReceivedChf = 0m, PscChf = 0m, AvailableChf = 0m, ReceivableChf = 4_500m });
        reversal.Contribution.MoneyEvents.Should().BeNull("command answers carry the figures; the money events are on GET");
        var read = await FinanceOffice.Read<ContributionAnswer>(await fo.Send("GET", $"/api/contributions/{id}", null, 200));
        read.MoneyEvents.Should().BeEquivalentTo(new[]
        {
            new { Sequence = wrong.EventSequence, Type = "Receipt", ReversedBy = (long?)reversal.EventSequence },
            new { Sequence = reversal.EventSequence, Type = "Reversal", ReversedBy = (long?)null },
        }, o => o.ExcludingMissingMembers());
        read.MoneyEvents![1].Reverses.Should().Be(wrong.EventSequence);

        await fo.Send("POST", $"/api/contributions/{id}/reversals", new { eventSequence = wrong.EventSequence, reason = "again" }, 409);
        var after = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        after.Accounts.Where(a => a.BalanceChf != 0).Select(a => (a.Account, a.BalanceChf))
            .Should().BeEquivalentTo(before.Accounts.Where(a => a.BalanceChf != 0).Select(a => (a.Account, a.BalanceChf)));

        (await fo.Receive(id, 500m, "USD", "2026-01-20", "REF-9")).Contribution.ReceivedChf.Should().Be(450m);
        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(id)).Should().HaveCount(5, "pledge, agreement, receipt, reversal, receipt: nothing was edited");
    }

    [Fact]
    public async Task the_present_trial_balance_equals_the_one_replayed_as_of_now()
    {
        var fo = await Officer();
        await fo.Rate("USD", "2026-01", 0.9m);
        var donor = await fo.Donor("Acme", "SectorMember", "SE");
        var id = await fo.Pledge(donor, "PrivateSectorVoluntary", 5_000m, "USD");
        await fo.Sign(id, 5_000m, "USD");
        await fo.Receive(id, 1_234.57m, "USD", "2026-01-20", "R1");
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var present = await fo.TrialBalance();
        var replayed = await fo.TrialBalance(DateTimeOffset.UtcNow.ToString("O"));
        replayed.Accounts.Should().BeEquivalentTo(present.Accounts);
        replayed.LastSequence.Should().Be(present.LastSequence);
        var past = await fo.TrialBalance("2020-01-01T00:00:00Z");
        past.Accounts.Should().BeEmpty();
    }
}
