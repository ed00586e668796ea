using BsgFunds.Domain;
using BsgFunds.Domain.Statements;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.IntegrationTests.Reports;
using FluentAssertions;
using Marten.Events;
using Xunit;
using static BsgFunds.IntegrationTests.Reports.GoldenScenario;

namespace BsgFunds.IntegrationTests.Statements;

/// <summary>The IPSAS statements of the golden scenario, figure by figure as docs/statements.md works them out.</summary>
public class StatementTests(AppFixture app) : ApiTest(app)
{
    private async Task<GoldenScenario> Given()
    {
        var scenario = new GoldenScenario();
        await scenario.Run((role, sub, donor) => TokenFor(role, sub, donor), Host);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return scenario;
    }

    private async Task<StatementAnswer> Statement(string kind, DateTimeOffset? asOf = null, string role = "Auditor")
    {
        var at = asOf is { } i ? $"&asOf={Uri.EscapeDataString(i.ToString("O"))}" : "";
        return await ReadAs<StatementAnswer>(await Send("GET", $"/api/statements/{kind}?from={Y}-01-01&to={Y}-12-31{at}",
            await TokenFor(role, "reader")));
    }

    [Fact]
    public async Task the_golden_scenario_gives_every_statement_figure_exactly()
    {
        await Given();

        // US pooled, no compliance obligations: 90 000 revenue at signature, receivable 90 000 - 54 000 = 36 000.
        // Foundation earmarked and conditional: IPSAS 47 compliance obligations; EUR 50 000 at 0.96 = 48 000 held,
        // less PSC 3 360 and fellowships paid 9 000 = 35 640 still held. ITU pooled: 30 000, refund 2 000.
        var position = await Statement(StatementKinds.FinancialPosition);
        position["Assets", "Cash and cash equivalents"].Should().Be(52_800m + 48_000m + 30_000m - 2_000m - 9_000m - 6_000m);
        position["Assets", "Voluntary contributions receivable"].Should().Be(36_000m);
        position["Assets", "Total assets"].Should().Be(149_800m);
        position["Liabilities", "Contributions held under compliance obligations (IPSAS 47)"].Should().Be(35_640m);
        position["Liabilities", "Deferred revenue: conditions outstanding (IPSAS 23)"].Should().Be(0m);
        position["Net assets", "Restricted by earmark"].Should().Be(0m);
        position["Net assets", "Unrestricted"].Should().Be(114_160m);
        position["Net assets", "Total liabilities and net assets"].Should().Be(149_800m);
        position.Previous("Assets", "Total assets").Should().Be(0m);
        position.Standard.Should().Contain("IPSAS 47");

        var performance = await Statement(StatementKinds.FinancialPerformance);
        performance["Revenue", "Voluntary contributions: DevelopedCountryVoluntary"].Should().Be(90_000m);
        performance["Revenue", "Voluntary contributions: ItuAdditionalBudget"].Should().Be(30_000m - 2_000m);
        // Held money becomes revenue as it is spent: fellowships 9 000 and its PSC 3 360.
        performance["Revenue", "Voluntary contributions: OtherVoluntary"].Should().Be(9_000m + 3_360m);
        performance["Revenue", "Total revenue"].Should().Be(130_360m);
        performance["Expenses by nature", "Transfers: fellowships"].Should().Be(9_000m);
        performance["Expenses by nature", "Transfers: payments to institutions"].Should().Be(6_000m);
        performance["Expenses by nature", "Exchange losses"].Should().Be(1_200m);
        performance["Expenses by nature", "Total expenses"].Should().Be(16_200m);
        performance["Expenses by programme", "Programme 3: Fellowship"].Should().Be(9_000m);
        performance["Expenses by programme", "Programme 1: AssistanceAndConsultation"].Should().Be(6_000m);
        performance["Surplus", "Surplus (deficit) for the period"].Should().Be(114_160m);

        var changes = await Statement(StatementKinds.ChangesInNetAssets);
        changes["Total net assets", "Opening balance"].Should().Be(0m);
        changes["Total net assets", "Surplus (deficit) for the period"].Should().Be(114_160m);
        changes["Total net assets", "Closing balance"].Should().Be(114_160m);

        var cash = await Statement(StatementKinds.CashFlow);
        cash["Cash flows from operating activities", "Receipts: voluntary contributions"].Should().Be(52_800m + 48_000m + 30_000m);
        cash["Cash flows from operating activities", "Payments: refunds to donors"].Should().Be(-2_000m);
        cash["Cash flows from operating activities", "Payments: Transfers: fellowships"].Should().Be(-9_000m);
        cash["Cash flows from operating activities", "Payments: Transfers: payments to institutions"].Should().Be(-6_000m);
        cash["Cash", "Cash at the end of the period"].Should().Be(113_800m);

        var budget = await Statement(StatementKinds.BudgetComparison);
        budget["Programme 3: Fellowship", "Final budget"].Should().Be(70_000m);
        budget["Programme 3: Fellowship", "Actual amounts on a comparable basis (disbursed)"].Should().Be(9_000m);
        budget["Programme 3: Fellowship", "Committed, not yet disbursed"].Should().Be(11_000m);
        budget["Total", "Difference: final budget and actual"].Should().Be(110_000m - 15_000m);

        var notes = await Statement(StatementKinds.Notes);
        notes["Revenue by arrangement", StatementItems.Ipsas47WithoutObligations].Should().Be(118_000m);
        notes["Revenue by arrangement", StatementItems.Ipsas47WithObligations].Should().Be(12_360m);
        notes.Lines.Single(l => l.Section.StartsWith("Liabilities for compliance obligations", StringComparison.Ordinal))
            .CurrentChf.Should().Be(35_640m);
        notes["Commitments (approved allocations not yet disbursed)", "From net assets"].Should().Be(9_000m);
        notes["Commitments (approved allocations not yet disbursed)", "From money held under compliance obligations"].Should().Be(11_000m);
        notes["Exchange differences", "Realised exchange losses"].Should().Be(1_200m);
        notes.Policies.Should().Contain(p => p.Contains("IPSAS 47", StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_statements_agree_with_each_other_the_ledger_and_the_line_item_view_at_every_instant()
    {
        var s = await Given();
        var fo = await TokenFor("FinanceOfficer", "fo-reader");
        foreach (var instant in new DateTimeOffset?[] { s.BeforeReversal, s.AfterReversal, null })
        {
            var position = await Statement(StatementKinds.FinancialPosition, instant);
            position["Assets", "Total assets"].Should().Be(position["Net assets", "Total liabilities and net assets"], $"as of {instant}");

            var at = instant is { } i ? $"?asOf={Uri.EscapeDataString(i.ToString("O"))}" : "";
            var ledger = await ReadAs<TrialBalanceAnswer>(await Send("GET", $"/api/reports/trial-balance{at}", fo));
            var ledgerCash = ledger.Accounts.Where(a => a.Account == Accounts.Cash).Sum(a => a.BalanceChf);
            position["Assets", "Cash and cash equivalents"].Should().Be(ledgerCash);
            var cash = await Statement(StatementKinds.CashFlow, instant);
            cash["Cash", "Cash at the end of the period"].Should().Be(ledgerCash);

            var performance = await Statement(StatementKinds.FinancialPerformance, instant);
            var changes = await Statement(StatementKinds.ChangesInNetAssets, instant);
            performance["Surplus", "Surplus (deficit) for the period"].Should().Be(
                changes["Total net assets", "Closing balance"] - changes["Total net assets", "Opening balance"]);
            changes["Total net assets", "Closing balance"].Should().Be(position["Net assets", "Total net assets"]);
        }

        var budget = await Statement(StatementKinds.BudgetComparison);
        var items = await ReadAs<LineItemsAnswer>(await Send("GET", $"/api/reports/line-items?year={Y}", await TokenFor("Auditor", "a")));
        budget["Total", "Original budget"].Should().Be(items.Totals.BudgetOriginalChf);
        budget["Total", "Final budget"].Should().Be(items.Totals.BudgetRevisedChf);
        budget["Total", "Actual amounts on a comparable basis (disbursed)"].Should().Be(items.Totals.DisbursedChf);
        foreach (var line in items.Lines.Where(l => l.Programme is not null))
            budget[$"Programme {line.Programme}: {line.Use}", "Actual amounts on a comparable basis (disbursed)"].Should().Be(line.DisbursedChf);
    }

    [Fact]
    public async Task over_each_contribution_revenue_and_what_is_still_held_add_up_to_what_it_brought_in_net_of_refunds()
    {
        var s = await Given();
        var ledger = new StatementLedger();
        foreach (var e in await AllEvents()) ledger.Apply(e.Sequence, e.Data);
        var fo = await TokenFor("FinanceOfficer", "fo-reader");
        foreach (var id in new[] { s.FoundationContribution })
        {
            var contribution = await ReadAs<ContributionFigures>(await Send("GET", $"/api/contributions/{id}", fo));
            var mine = ledger.Lines.Where(l => l.ContributionId == id).ToList();
            var revenue = -mine.Where(l => l.Item == StatementItems.Revenue).Sum(l => l.AmountChf);
            var held = -mine.Where(l => l.Account == Accounts.ComplianceObligations(id)).Sum(l => l.AmountChf);
            (revenue + held).Should().Be(contribution.ReceivedChf - contribution.RefundedChf);
            held.Should().Be(35_640m);
            contribution.Agreement.Should().Be(new AgreementFigures("IPSAS 47", true));
        }
    }

    [Fact]
    public async Task a_statement_as_of_an_earlier_instant_does_not_change_when_later_events_arrive()
    {
        var s = await Given();
        var url = $"/api/statements/notes?from={Y}-01-01&to={Y}-12-31&asOf={Uri.EscapeDataString(s.AfterReversal.ToString("O"))}";
        var before = await Send("GET", url, await TokenFor("Auditor", "a"));
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await fo.Receive(s.UsContribution, 1_000m, "USD", D(Y, 3, 10), "US-LATER");
        var after = await Send("GET", url, await TokenFor("Auditor", "a"));
        (await after.ReadAsTextAsync()).Should().Be(await before.ReadAsTextAsync());
    }

    [Fact]
    public async Task statements_answer_csv_and_refuse_bad_periods_unknown_kinds_and_roles()
    {
        var auditor = await TokenFor("Auditor", "a");
        var csv = await Host.Scenario(x =>
        {
            x.Get.Url($"/api/statements/financial-position?from={Y}-01-01&to={Y}-12-31");
            x.WithRequestHeader("Authorization", $"Bearer {auditor}");
            x.WithRequestHeader("Accept", "text/csv");
            x.StatusCodeShouldBe(200);
        });
        (await csv.ReadAsTextAsync()).Should().StartWith("asOf,lastSequence,section,item,currentChf,previousChf");

        (await ProblemOf(await Send("GET", "/api/statements/balance-sheet", auditor, expectedStatus: 404))).Code
            .Should().Be("statement-kind-unknown");
        (await ProblemOf(await Send("GET", $"/api/statements/notes?from={Y}-12-31&to={Y}-01-01", auditor, expectedStatus: 400)))
            .Errors!.Should().ContainKey("to");
        (await ProblemOf(await Send("GET", $"/api/statements/notes?from={Y}-01-01", auditor, expectedStatus: 400))).Errors!.Should().ContainKey("to");
        (await ProblemOf(await Send("GET", "/api/statements/notes?from=1999-01-01&to=1999-12-31", auditor, expectedStatus: 400)))
            .Errors!.Should().ContainKey("from");
        await Send("GET", "/api/statements/notes", await TokenFor("ProgrammeOfficer", "po"), expectedStatus: 403);
        await Send("GET", "/api/statements/notes", await TokenFor("TsbDirector", "tsb"), expectedStatus: 200);
    }

    [Fact]
    public async Task goods_in_kind_are_revenue_and_expense_at_fair_value_and_services_in_kind_are_disclosed_only()
    {
        var fo = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        var japan = await fo.Donor("Japan", "MemberState", "JP");
        var goods = (await FinanceOffice.Read<IdAnswer>(await fo.Send("POST", "/api/in-kind", new
        {
            donorId = japan, kind = "Goods", description = "Twenty laptops", valueChf = 18_400.50m, from = $"{Y}-03-02", to = $"{Y}-03-02",
            programme = 2, valuationBasis = "Supplier invoice",
        }, 201))).Id;
        await fo.Send("POST", "/api/in-kind", new
        {
            donorId = japan, kind = "Services", description = "Expert for a BSG workshop", valueChf = 12_600m, from = $"{Y}-05-04",
            to = $"{Y}-05-08", programme = (int?)null, valuationBasis = "UN expert daily rate 2 520 x 5 days",
        }, 201);

        var performance = await Statement(StatementKinds.FinancialPerformance);
        performance["Revenue", StatementItems.GoodsInKind].Should().Be(18_400.50m);
        performance["Expenses by nature", StatementItems.GoodsInKind].Should().Be(18_400.50m);
        performance["Surplus", "Surplus (deficit) for the period"].Should().Be(0m, "consumed on receipt");
        var notes = await Statement(StatementKinds.Notes);
        notes.Lines.Should().ContainSingle(l => l.Section == "Services in kind (disclosed, not recognised)")
            .Which.Should().Match<StatementRowAnswer>(l => l.CurrentChf == 12_600m
                && l.Item.Contains("UN expert daily rate", StringComparison.Ordinal));
        var tb = await fo.TrialBalance(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        tb.Balance(Accounts.GoodsInKindRevenue).Should().Be(-18_400.50m);
        tb.Balance(Accounts.GoodsInKindExpense).Should().Be(18_400.50m);

        await fo.Send("POST", $"/api/in-kind/{goods}/reversal", new { reason = "Counted twice" }, 200);
        (await Statement(StatementKinds.FinancialPerformance))["Revenue", StatementItems.GoodsInKind].Should().Be(0m);
    }

    private sealed record ContributionFigures(decimal ReceivedChf, decimal RefundedChf, AgreementFigures Agreement);

    private sealed record AgreementFigures(string RevenueStandard, bool ComplianceObligations);
}
