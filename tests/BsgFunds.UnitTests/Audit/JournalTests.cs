using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using FluentAssertions;
using Xunit;
using static BsgFunds.UnitTests.Contributions.Given;

namespace BsgFunds.UnitTests.Audit;

public class JournalTests
{
    private static object Receipt(Contribution agreed, decimal amount, decimal rate) =>
        ContributionDecisions.RecordReceipt(agreed, Money.Of(amount, agreed.Currency), new DateOnly(2026, 3, 10), "B", null, null,
            Rates("2026-03", (agreed.Currency, rate)), [], ClosedYears.None, Officer).Events.Single();

    private static string[] JournalOf(params object[] events) =>
        Journal.Write(2026, events.Select((e, i) => ((long)(i + 1), e))).ReplaceLineEndings("\n").Split('\n');

    [Fact]
    public void commodities_are_declared_by_code_with_a_format_line_that_ledger_cli_reads_as_well_as_hledger()
    {
        var agreed = Agreed("KWD", 1_000m, 2.9m);
        var lines = JournalOf(agreed.Agreement!, Receipt(agreed, 1_000m, 2.95m));

        // ledger-cli reads "commodity 1000.00 CHF" as a commodity named "1000.00 CHF" and refuses every CHF amount.
        lines.Should().NotContain(l => l.StartsWith("commodity ", StringComparison.Ordinal) && char.IsDigit(l["commodity ".Length]));
        lines.Should().ContainInConsecutiveOrder("commodity CHF", "    format 1000.00 CHF")
            .And.ContainInConsecutiveOrder("commodity KWD", "    format 1000.000 KWD");
    }

    [Fact]
    public void every_priced_currency_is_declared_and_original_amounts_are_comments_after_the_chf_amount()
    {
        var agreed = Agreed("USD", 100_000m, 0.9m);
        var lines = JournalOf(agreed.Agreement!, Receipt(agreed, 60_000m, 0.88m));

        lines.Should().Contain(["P 2026-01-15 USD 0.9 CHF", "P 2026-03-10 USD 0.88 CHF", "commodity USD"]);
        lines.Should().Contain(l => l.StartsWith("    Assets:Cash    52800.00 CHF  ; USD 60000", StringComparison.Ordinal));
    }
}
