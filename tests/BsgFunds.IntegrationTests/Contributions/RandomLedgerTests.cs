using BsgFunds.Domain;
using BsgFunds.Domain.Statements;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Statements;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Contributions;

/// <summary>
/// Long random sequences of valid and invalid finance commands (fixed seed, so a failure replays exactly),
/// checking after every step that the ledger balances, nothing is overspent, and refusals wrote nothing.
/// </summary>
public class RandomLedgerTests(AppFixture app) : ApiTest(app)
{
    private static readonly string[] Currencies = ["USD", "EUR", "CHF", "JPY"];

    [Theory]
    [InlineData(20261130, 160)]
    [InlineData(44, 160)]
    public async Task random_commands_keep_the_ledger_balanced_and_never_overspend(int seed, int steps)
    {
        var random = new Random(seed);
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-random"));
        foreach (var currency in Currencies.Where(c => c != "CHF"))
        {
            foreach (var month in new[] { "2026-01", "2026-02", "2026-03" })
                await fo.Rate(currency, month, currency == "JPY" ? 0.0057m + (random.Next(0, 100) / 100_000m) : 0.85m + (random.Next(0,
                    1000) / 10_000m));
        }

        var donor = await fo.Donor("Random donor", "Foundation", null);
        var contributions = new List<(Guid Id, string Currency)>();
        var moneyEvents = new List<(Guid Contribution, long Sequence)>();

        for (var step = 0; step < steps; step++)
        {
            var before = (await AllEvents()).Count;
            var (method, url, body, pledgeCurrency) = NextCommand(random, donor, contributions, moneyEvents);
            var result = await Host.Scenario(s =>
            {
                (method == "PUT" ? s.Put : s.Post).Json(body).ToUrl(url);
                s.WithRequestHeader("Authorization", $"Bearer {fo.Token}");
                s.IgnoreStatusCode();
            });
            var status = result.Context.Response.StatusCode;
            status.Should().BeLessThan(500,
                $"step {step}: {method} {url} {System.Text.Json.JsonSerializer.Serialize(body)} answered {await result.ReadAsTextAsync()}");

            if (status >= 400)
            {
                (await AllEvents()).Should().HaveCount(before, $"step {step}: a refused command writes nothing");
            }
            else if (url == "/api/contributions")
            {
                contributions.Add(((await FinanceOffice.Read<IdAnswer>(result)).Id, pledgeCurrency!));
            }
            else if (status == 201 && url.Contains("/api/contributions/", StringComparison.Ordinal))
            {
                var change = await FinanceOffice.Read<Change>(result);
                moneyEvents.Add((change.Contribution.Id, change.EventSequence));
            }

            var tb = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
            tb.ShouldBalance();
            var all = (await FinanceOffice.Read<PageAnswer<ContributionAnswer>>(await fo.Send("GET", "/api/contributions?pageSize=1000", null,
                200))).Items;
            all.Should().OnlyContain(c => c.AvailableChf >= 0 && c.ReceivableChf >= 0 && c.Receivable.Amount >= 0, $"step {step}");
            if (step % 40 == 39) await StatementsAgree(tb, step);
        }

        contributions.Should().NotBeEmpty();
        moneyEvents.Should().NotBeEmpty("the sequence must exercise money events, not only refusals");
    }

    /// <summary>The IPSAS statements agree with each other and the ledger (docs/statements.md), and held money adds up per contribution.</summary>
    private async Task StatementsAgree(TrialBalanceAnswer tb, int step)
    {
        var auditor = await TokenFor("Auditor", "auditor-random");
        async Task<StatementAnswer> Statement(string kind) =>
            await ReadAs<StatementAnswer>(await Send("GET", $"/api/statements/{kind}?from=2026-01-01&to=2026-12-31", auditor));
        var position = await Statement("financial-position");
        var because = $"step {step}";
        position["Assets", "Total assets"].Should().Be(position["Net assets", "Total liabilities and net assets"], because);
        position["Assets", "Cash and cash equivalents"].Should().Be(tb.Balance("Assets:Cash"), because);
        (await Statement("cash-flow"))["Cash", "Cash at the end of the period"].Should().Be(tb.Balance("Assets:Cash"), because);
        var changes = await Statement("changes-in-net-assets");
        (await Statement("financial-performance"))["Surplus", "Surplus (deficit) for the period"].Should().Be(
            changes["Total net assets", "Closing balance"] - changes["Total net assets", "Opening balance"], because);
        changes["Total net assets", "Closing balance"].Should().Be(position["Net assets", "Total net assets"], because);

        var ledger = new StatementLedger();
        foreach (var e in await AllEvents()) ledger.Apply(e.Sequence, e.Data);
        foreach (var held in ledger.Lines.Where(l => l.Account.StartsWith(Accounts.ComplianceObligationsPrefix, StringComparison.Ordinal))
            .GroupBy(l => l.ContributionId!.Value))
        {
            var contribution = await ReadAs<ContributionAnswer>(await Send("GET", $"/api/contributions/{held.Key}", auditor));
            var revenue = -ledger.Lines.Where(l => l.ContributionId == held.Key && l.Item == StatementItems.Revenue).Sum(l => l.AmountChf);
            var trace = string.Join("\n", ledger.Lines.Where(l => l.ContributionId == held.Key)
                .Select(l => $"{l.Sequence} {l.Event} {l.Account} {l.AmountChf} {l.Item}"));
            (revenue - held.Sum(l => l.AmountChf)).Should().Be(contribution.ReceivedChf - contribution.RefundedChf,
                $"{because}, contribution {held.Key}, its statement lines:\n{trace}");
        }
    }

    private static (string Method, string Url, object Body, string? PledgeCurrency) NextCommand(
        Random random, Guid donor, List<(Guid Id, string Currency)> contributions, List<(Guid Contribution, long Sequence)> moneyEvents)
    {
        string Month() => $"2026-0{random.Next(1, 5)}";           // April has no rates: some commands must be refused for that
        decimal Amount(string currency) => currency == "JPY" ? random.Next(1, 2_000_000) : random.Next(1, 200_000) / 100m;
        var choice = random.Next(0, contributions.Count == 0 ? 1 : 8);
        if (choice == 0)
        {
            var currency = Currencies[random.Next(Currencies.Length)];
            return ("POST", "/api/contributions", new { donorId = donor, source = "OtherVoluntary", amount = new { amount = Amount(currency),
                currency }, pledgedOn = "2026-01-02" }, currency);
        }

        var (id, cur) = contributions[random.Next(contributions.Count)];
        var wrongCurrency = random.Next(10) == 0 ? Currencies[random.Next(Currencies.Length)] : cur;
        switch (choice)
        {
            case 1:
            case 2:
                var agreed = Amount(cur) * random.Next(1, 4);
                return ("POST", $"/api/contributions/{id}/agreement", new
                {
                    signedOn = $"{Month()}-10", reference = $"R{random.Next()}", amount = new { amount = agreed, currency = cur },
                    instalments = new[] { new { dueOn = "2026-12-31", amount = new { amount = random.Next(8) == 0 ? agreed + 1 : agreed,
                        currency = cur } } },
                    conditions = random.Next(3) == 0 ? new[] { new { description = "condition" } } : [],
                }, null);
            case 3:
            case 4:
                return ("POST", $"/api/contributions/{id}/receipts", new
                {
                    amount = new { amount = Amount(cur), currency = wrongCurrency }, valueDate = $"{Month()}-15",
                        bankReference = $"B{random.Next(0, 30)}",
                }, null);
            case 5:
                return ("POST", $"/api/contributions/{id}/write-offs", new { amount = new { amount = Amount(cur), currency = wrongCurrency },
                    reason = "random" }, null);
            case 6:
                return ("POST", $"/api/contributions/{id}/refunds", new { amountChf = random.Next(1, 100_000) / 100m, reason = "random",
                    donorConsentReference = "C" }, null);
            default:
                var target = moneyEvents.Count > 0 && random.Next(4) > 0 ? moneyEvents[random.Next(moneyEvents.Count)] : (id, random.Next(1, 500));
                return ("POST", $"/api/contributions/{target.Item1}/reversals", new { eventSequence = target.Item2, reason = "random" }, null);
        }
    }
}
