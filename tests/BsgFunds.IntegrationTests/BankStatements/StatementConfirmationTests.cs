using System.Text.RegularExpressions;
using BsgFunds.Domain.BankStatements;
using BsgFunds.Domain.Contributions;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten.Events;
using Xunit;

namespace BsgFunds.IntegrationTests.BankStatements;

/// <summary>Confirming and setting aside statement lines: receipts recorded as typed ones would be, and what is refused.</summary>
public sealed partial class StatementConfirmationTests(AppFixture app) : ApiTest(app)
{
    private const string NineEntries = "camt053-v08-nine-entries.xml";

    private async Task<StatementOffice> Office()
    {
        var office = new StatementOffice(Host, new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1")));
        await office.OpenBooks();
        return office;
    }

    /// <summary>The receipts the sample's six confirmable lines carry, as a finance officer would type them (line, contribution index).</summary>
    private static readonly (int Line, int Contribution, decimal Amount, string Currency, string ValueDate, string Reference)[] Receipts =
    [
        (1, 0, 50_000m, "USD", "2026-05-27", "BK-20260527-0001"),
        (2, 1, 20_000m, "EUR", "2026-05-27", "BK-20260527-0002"),
        (3, 2, 15_000m, "CHF", "2026-05-28", "BK-20260528-0003"),
        (4, 4, 10_000m, "USD", "2026-05-28", "BK-20260528-0004"),
        (8, 5, 1_500_000m, "JPY", "2026-05-29", "BK-20260529-0008"),
        (9, 6, 1_250.500m, "KWD", "2026-05-29", "BK-20260529-0009"),
    ];

    [Fact]
    public async Task confirmed_lines_give_the_donor_statements_and_the_ledger_that_typed_receipts_give()
    {
        var office = await Office();
        var statement = await office.Imported(StatementOffice.Sample(NineEntries));
        foreach (var r in Receipts)
        {
            // The ambiguous line needs its contribution named; the others take the proposal.
            var named = statement.Lines[r.Line - 1].Proposal!.ContributionId is null ? office.Contributions[r.Contribution] : (Guid?)null;
            var confirmed = await StatementOffice.Json(await office.Confirm(statement.Id, r.Line, named, 201));
            confirmed.GetProperty("line").GetProperty("status").GetString().Should().Be("Confirmed");
            var paid = confirmed.GetProperty("receipt").GetProperty("contribution").GetProperty("id").GetGuid();
            paid.Should().Be(office.Contributions[r.Contribution]);
        }

        var after = await office.Statement(statement.Id);
        after.Progress.Should().Be(new ProgressAnswer(9, 1, 0, 1, 6, 0, 2));
        after.Lines[0].DecidedBy.Should().Be("fo-1");
        var fromStatement = await Books(office);
        var events = await AllEvents();
        events.Select(e => e.Data).OfType<BankStatementLineConfirmed>().Select(e => (e.LineNumber, e.BankReference, e.ConfirmedBy))
            .Should().Equal(Receipts.Select(r => (r.Line, r.Reference, "fo-1")));
        events.Select(e => e.Data).OfType<ContributionReceived>().Select(e => e.BankReference).Should().Equal(Receipts.Select(r => r.Reference));

        await InitializeAsync();
        var twin = await Office();
        foreach (var r in Receipts)
        {
            await twin.Officer.Receive(twin.Contributions[r.Contribution], r.Amount, r.Currency, r.ValueDate, r.Reference);
        }

        var typed = await Books(twin);
        fromStatement.Should().Equal(typed, "a confirmed line is the receipt a finance officer would have typed");
        fromStatement.Should().Contain(l => l.Contains("Assets:Cash") && l.Contains("1500000"), "the JPY receipt is in the ledger");
    }

    /// <summary>The trial balance and every donor's statement, with ids, instants and sequences written out so twins compare.</summary>
    private async Task<List<string>> Books(StatementOffice office)
    {
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var donors = new (Guid Id, string Name)[]
        {
            (office.Korea, "korea"), (office.Foundation, "foundation"), (office.Institute, "institute"), (office.Japan, "japan"),
            (office.Kuwait, "kuwait"),
        };
        var contributions = office.Contributions.Select((id, i) => (id, $"contribution-{i + 1}")).ToList();
        string Named(string text)
        {
            foreach (var (id, name) in donors.Concat(contributions)) text = text.Replace(id.ToString(), name, StringComparison.OrdinalIgnoreCase);
            return Volatile().Replace(text, "\"…\"");
        }

        var tb = await office.Officer.TrialBalance();
        tb.ShouldBalance();
        var lines = tb.Accounts.Select(a => Named($"{a.Account} {a.DebitsChf} {a.CreditsChf} {a.BalanceChf} "
            + string.Join(",", a.BalanceByCurrency.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")))).ToList();
        foreach (var (id, _) in donors)
        {
            var statement = await office.Officer.Send("GET", $"/api/reports/donors/{id}/statement?from=2026-01-01&to=2026-12-31", null, 200);
            lines.Add(Named(await statement.ReadAsTextAsync()));
        }

        return lines;
    }

    // Instants of recording and ledger sequences differ between the twins; amounts, dates and references do not.
    [GeneratedRegex("\"\\d{4}-\\d{2}-\\d{2}T[^\"]*\"|(?<=\"(?:sequence|eventSequence|lastSequence|asOf)\":)\\d+")]
    private static partial Regex Volatile();

    [Fact]
    public async Task a_line_already_confirmed_is_refused_and_nothing_more_is_written()
    {
        var office = await Office();
        var statement = await office.Imported(StatementOffice.Sample(NineEntries));
        await office.Confirm(statement.Id, 1, null, 201);
        var before = (await AllEvents()).Count;

        var again = await ProblemOf(await office.Confirm(statement.Id, 1, null, 409));

        again.Code.Should().Be("statement-line-already-confirmed");
        again.Detail.Should().Contain("fo-1");
        (await AllEvents()).Count.Should().Be(before);
    }

    [Fact]
    public async Task the_same_bank_reference_typed_before_is_refused_by_the_receipt_rule_and_the_line_stays_open()
    {
        var office = await Office();
        var statement = await office.Imported(StatementOffice.Sample(NineEntries));
        await office.Officer.Receive(office.Contributions[0], 50_000m, "USD", "2026-05-27", "BK-20260527-0001");

        var refused = await ProblemOf(await office.Confirm(statement.Id, 1, null, 409));

        refused.Code.Should().Be("bank-reference-already-recorded");
        (await office.Statement(statement.Id)).Lines[0].Status.Should().Be("Proposed");
    }

    [Fact]
    public async Task a_line_whose_value_month_has_no_rate_is_refused_with_the_receipts_code()
    {
        var office = await Office();
        var xml = StatementOffice.Sample(NineEntries).Replace("2026-05-27", "2026-04-27").Replace("STMT-2026-05-29", "STMT-2026-04-27");
        var statement = await office.Imported(xml);

        var refused = await ProblemOf(await office.Confirm(statement.Id, 1, null, 422));

        refused.Code.Should().Be("exchange-rate-missing");
        refused.Detail.Should().Contain("USD").And.Contain("2026-04");
        (await AllEvents()).Select(e => e.Data).OfType<BankStatementLineConfirmed>().Should().BeEmpty();
    }

    [Fact]
    public async Task a_line_with_several_candidates_or_none_needs_the_contribution_named()
    {
        var office = await Office();
        var statement = await office.Imported(StatementOffice.Sample(NineEntries));

        var ambiguous = await ProblemOf(await office.Confirm(statement.Id, 4, null, 400));
        ambiguous.Code.Should().Be("statement-line-needs-contribution");
        ambiguous.Errors!.Keys.Should().Contain("contributionId");
        ambiguous.Detail.Should().Contain("2 contributions");
        (await ProblemOf(await office.Confirm(statement.Id, 5, null, 400))).Code.Should().Be("statement-line-needs-contribution");

        await office.Confirm(statement.Id, 4, office.Contributions[3], 201);
        var line = (await office.Statement(statement.Id)).Lines[3];
        line.Should().BeEquivalentTo(new { Status = "Confirmed", ContributionId = (Guid?)office.Contributions[3] });
    }

    [Fact]
    public async Task debits_and_pending_entries_are_no_receipts_and_unknown_lines_and_statements_are_404()
    {
        var office = await Office();
        var statement = await office.Imported(StatementOffice.Sample(NineEntries));

        (await ProblemOf(await office.Confirm(statement.Id, 6, office.Contributions[0], 422))).Code.Should().Be("statement-line-not-applicable");
        (await ProblemOf(await office.Confirm(statement.Id, 7, office.Contributions[0], 422))).Detail.Should().Contain("Not booked");
        (await ProblemOf(await office.Confirm(statement.Id, 10, null, 404))).Code.Should().Be("statement-line-not-found");
        (await ProblemOf(await office.Confirm(Guid.NewGuid(), 1, null, 404))).Code.Should().Be("statement-not-found");
    }

    [Fact]
    public async Task setting_a_line_aside_needs_a_reason_and_closes_it()
    {
        var office = await Office();
        var statement = await office.Imported(StatementOffice.Sample(NineEntries));
        var url = $"/api/bank-statements/{statement.Id}/lines/5/set-aside";

        var noReason = await ProblemOf(await office.Officer.Send("POST", url, new { reason = " " }, 400));
        noReason.Errors!.Keys.Should().Contain("reason");

        var reason = new { reason = "Invoice payment for another account" };
        var setAside = await StatementOffice.Json(await office.Officer.Send("POST", url, reason, 200));
        setAside.GetProperty("line").GetProperty("status").GetString().Should().Be("SetAside");
        var line = (await office.Statement(statement.Id)).Lines[4];
        line.Should().BeEquivalentTo(new { Status = "SetAside", SetAsideReason = "Invoice payment for another account", DecidedBy = "fo-1" });
        (await office.Statement(statement.Id)).Progress.LeftToDo.Should().Be(6);

        (await ProblemOf(await office.Officer.Send("POST", url, new { reason = "again" }, 409))).Code.Should().Be("statement-line-set-aside");
        (await ProblemOf(await office.Confirm(statement.Id, 5, office.Contributions[0], 409))).Code.Should().Be("statement-line-set-aside");
        (await AllEvents()).Select(e => e.Data).OfType<BankStatementLineSetAside>().Should().ContainSingle()
            .Which.SetAsideBy.Should().Be("fo-1");
    }

    [Fact]
    public async Task a_donors_bank_account_is_checked_registered_once_and_shown_on_the_donor()
    {
        var office = await Office();
        var url = $"/api/donors/{office.Korea}/bank-accounts";

        var typo = await ProblemOf(await office.Officer.Send("POST", url, new { iban = "DE89370400440532013001" }, 400));
        typo.Code.Should().Be("iban-invalid");
        typo.Errors!.Keys.Should().Contain("iban");
        var taken = await ProblemOf(await office.Officer.Send("POST", url, new { iban = StatementOffice.FoundationIban }, 409));
        taken.Code.Should().Be("bank-account-registered-to-another-donor");

        await office.Officer.Send("POST", url, new { iban = "de89 3704 0044 0532 0130 00" }, 200);
        var donor = await StatementOffice.Json(await office.Officer.Send("POST", url, new { iban = "DE89370400440532013000" }, 200));
        donor.GetProperty("bankAccounts").GetArrayLength().Should().Be(1, "the same account registered again changes nothing");
        donor.GetProperty("bankAccounts")[0].GetProperty("iban").GetString().Should().Be("DE89370400440532013000");
    }
}
