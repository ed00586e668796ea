using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Spending;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Allocations;

public class ConcurrencyTests(AppFixture app) : ApiTest(app)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task fifty_simultaneous_final_approvals_never_commit_more_than_the_cash(int run)
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer"));
        var donor = await fo.Donor($"Pool {run}", "Foundation", null);
        var pool = await fo.Pledge(donor, "OtherVoluntary", 10_000m, "CHF");
        await fo.Sign(pool, 10_000m, "CHF", pscRatePercent: 0m);
        await fo.Receive(pool, 10_000m, "CHF", "2026-01-10", "R");

        var spending = new SpendingOffice(Host);
        var po = await TokenFor("ProgrammeOfficer", "po");
        var tsb = await TokenFor("TsbDirector", "tsb");
        var amounts = Enumerable.Range(0, 50).Select(i => 150m + (i * 7.31m)).ToList();   // CHF 25 455.75 in all, for 10 000 of cash
        var allocations = new List<Guid>();
        foreach (var amount in amounts) allocations.Add(await spending.RequestAllocation(po, 1, "Translation", amount));

        var results = await Task.WhenAll(allocations.Select(id => Host.Scenario(s =>
        {
            s.Post.Url($"/api/allocations/{id}/approve");
            s.WithRequestHeader("Authorization", $"Bearer {tsb}");
            s.IgnoreStatusCode();
        })));

        var won = results.Where(r => r.Context.Response.StatusCode == 200).ToList();
        var lost = results.Where(r => r.Context.Response.StatusCode != 200).ToList();
        won.Should().NotBeEmpty();
        lost.Should().NotBeEmpty();
        foreach (var loser in lost)
        {
            loser.Context.Response.StatusCode.Should().BeInRange(400, 499);
            (await ProblemOf(loser)).Code.Should().BeOneOf("allocation-exceeds-available-funds", "concurrent-change");
        }

        var contribution = await fo.Contribution(pool);
        var views = await Task.WhenAll(allocations.Select(id => spending.Allocation(tsb, id)));
        var committed = views.Sum(v => v.CommittedChf);
        committed.Should().BeLessThanOrEqualTo(10_000m);
        committed.Should().Be(10_000m - contribution.AvailableChf, "what the allocations hold is exactly what left the contribution");
        contribution.AvailableChf.Should().BeGreaterThanOrEqualTo(0m);
        views.Count(v => v.Status == "Approved").Should().Be(won.Count);
        // Every loser was refused because the cash ran out: none of them would have fitted in what is left.
        views.Where(v => v.Status != "Approved").Should().OnlyContain(v => v.AmountChf > contribution.AvailableChf);

        var tb = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        tb.ShouldBalance();
        tb.Balance(a => a.StartsWith("NetAssets:Commitments:", StringComparison.Ordinal)).Should().Be(-committed);
    }
}
