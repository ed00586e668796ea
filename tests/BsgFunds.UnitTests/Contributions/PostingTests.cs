using BsgFunds.Domain.Audit;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.Given;

namespace BsgFunds.UnitTests.Contributions;

public class PostingTests
{
    private static TrialBalance Post(params object[] events) =>
        events.Select((e, i) => (e, i)).Aggregate(TrialBalance.Empty, (tb, x) => tb.Post(Postings.For(x.e), x.i + 1));

    [Fact]
    public void a_receipt_with_an_exchange_loss_posts_balanced_lines()
    {
        var agreed = Agreed();
        var receipt = ContributionDecisions.RecordReceipt(agreed, Money.Of(60_000m, "USD"), new DateOnly(2026, 3, 10), "B", null, null,
            Rates("2026-03", ("USD", 0.88m)), [], ClosedYears.None, Officer).Events.Single();
        var lines = Postings.For(receipt);

        lines.Sum(l => l.AmountChf).Should().Be(0m);
        lines.Should().BeEquivalentTo(new[]
        {
            new Posting(Accounts.Cash, 52_800m, Money.Of(60_000m, "USD")),
            new Posting(Accounts.Receivable(DonorId), -54_000m, Money.Of(-60_000m, "USD")),
            new Posting(Accounts.ExchangeLoss, 1_200m, Money.Chf(1_200m)),
            new Posting(Accounts.NetAssetsUnrestricted, 3_696m, Money.Chf(3_696m)),
            new Posting(Accounts.ProgrammeSupportCostIncome, -3_696m, Money.Chf(-3_696m)),
        });
    }

    [Fact]
    public void a_pledge_posts_nothing_and_an_agreement_posts_receivable_against_revenue_or_deferred_revenue()
    {
        var pledge = new ContributionPledged(ContributionId, DonorId, FundingSource.Partnership, Money.Of(1m, "USD"), new DateOnly(2026, 1, 1),
            Earmark.Pooled, "fo", Now);
        Postings.For(pledge).Should().BeEmpty();

        var conditional = Agreed("EUR", 1_000m, 0.95m, 7m, "condition").Agreement!;
        Postings.For(conditional).Should().BeEquivalentTo(new[]
        {
            new Posting(Accounts.Receivable(DonorId), 950m, Money.Of(1_000m, "EUR")),
            new Posting(Accounts.DeferredRevenue, -950m, Money.Chf(-950m)),
        });
    }

    [Fact]
    public void a_reversal_posts_the_exact_negation_so_the_balances_return()
    {
        var agreed = Agreed();
        var receipt = ContributionDecisions.RecordReceipt(agreed, Money.Of(60_000m, "USD"), new DateOnly(2026, 3, 10), "B", null, null,
            Rates("2026-03", ("USD", 0.93m)), [], ClosedYears.None, Officer).Events.Single();
        var received = ContributionFold.Apply(agreed, receipt);
        var reversal = ContributionDecisions.Reverse(received, 3, ContributionId, receipt, "r", ClosedYears.None, Officer).Events.Single();

        var before = Post(agreed.Agreement!);
        var after = Post(agreed.Agreement!, receipt, reversal);
        after.Accounts.Values.Where(a => a.BalanceChf != 0).Select(a => (a.Account, a.BalanceChf))
            .Should().BeEquivalentTo(before.Accounts.Values.Select(a => (a.Account, a.BalanceChf)));
        after.TotalDebitsChf.Should().Be(after.TotalCreditsChf);
    }

    [Fact]
    public void earmarked_money_posts_to_its_own_net_assets_account()
    {
        var earmark = new Earmark(EarmarkCategory.Earmarked, 3, UseOfFunds.Fellowship, [Domain.ReferenceData.ItuRegion.Africa], [], null);
        earmark.NetAssetsAccount().Should().Be("NetAssets:Restricted:Programme3:Fellowship:Africa");
        new Earmark(EarmarkCategory.SoftlyEarmarked, 1, null, [], [], null).NetAssetsAccount().Should().Be("NetAssets:Restricted:Programme1");
        Earmark.Pooled.NetAssetsAccount().Should().Be(Accounts.NetAssetsUnrestricted);
    }
}
