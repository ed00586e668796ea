using BsgFunds.Domain;
using System.Xml.Linq;
using BsgFunds.Domain.BankStatements;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.BankStatements;

public class Camt053ReaderTests
{
    private static string Document(string version, string entries, string statements = "") => $"""
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:{version}">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-05-29T18:00:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-1</Id><ElctrncSeqNb>7</ElctrncSeqNb>
              <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct>
              {entries}
            </Stmt>{statements}
          </BkToCstmrStmt>
        </Document>
        """;

    private static string Entry08(string amount, string currency = "USD", string indicator = "CRDT", string status = "BOOK",
        string refs = "<AcctSvcrRef>BK-1</AcctSvcrRef>") => $"""
        <Ntry><Amt Ccy="{currency}">{amount}</Amt><CdtDbtInd>{indicator}</CdtDbtInd><Sts><Cd>{status}</Cd></Sts>
          <BookgDt><Dt>2026-05-28</Dt></BookgDt><ValDt><DtTm>2026-05-27T10:00:00+02:00</DtTm></ValDt>{refs}<BkTxCd/>
          <NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Payer&#x9;Name</Nm></Pty></Dbtr>
            <DbtrAcct><Id><IBAN>CH5604835012345678009</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Ustrd>first line</Ustrd><Ustrd>second line</Ustrd><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls></NtryDtls></Ntry>
        """;

    private static (ReadStatement? Statement, Refusal? Refusal) Read(string xml) =>
        Camt053Reader.Read(XDocument.Parse(xml, LoadOptions.SetLineInfo));

    [Fact]
    public void a_booked_credit_in_version_08_carries_what_a_receipt_and_matching_need()
    {
        var (statement, refusal) = Read(Document(Camt053Reader.Version08, Entry08("1000.50")));

        refusal.Should().BeNull();
        statement!.Should().BeEquivalentTo(new
        {
            MessageVersion = "camt.053.001.08", MessageId = "MSG-1", AccountIban = "CH9300762011623852957", StatementReference = "STMT-1",
            ElectronicSequence = "7",
        });
        statement.Entries.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Number = 1, CreditDebit = "CRDT", EntryStatus = "BOOK", BookingDate = new DateOnly(2026, 5, 28), ValueDate = new DateOnly(2026, 5, 27),
            Amount = Money.Of(1000.50m, "USD"), BankReference = "BK-1", DebtorName = "Payer Name", DebtorIban = "CH5604835012345678009",
            RemittanceUnstructured = new[] { "first line", "second line" }, CreditorReference = "RF18539007547034",
            NotApplicableReason = (string?)null,
        });
    }

    [Fact]
    public void version_02_gives_the_status_as_text_and_the_debtor_without_a_party_choice()
    {
        var entry = """
            <Ntry><NtryRef>N-1</NtryRef><Amt Ccy="CHF">35.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
              <BookgDt><Dt>2026-05-30</Dt></BookgDt><BkTxCd/>
              <NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Fondation Exemple</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
            """;

        var line = Read(Document(Camt053Reader.Version02, entry)).Statement!.Entries.Single();

        line.Should().BeEquivalentTo(new
        {
            EntryStatus = "BOOK", DebtorName = "Fondation Exemple", BankReference = "N-1", ValueDate = new DateOnly(2026, 5, 30),
            NotApplicableReason = (string?)null,
        }, "without AcctSvcrRef the entry's own reference is the bank's, and without a value date the booking date is taken");
    }

    [Theory]
    [InlineData("DBIT", "BOOK", "<AcctSvcrRef>BK-1</AcctSvcrRef>", "A debit")]
    [InlineData("CRDT", "PDNG", "<AcctSvcrRef>BK-1</AcctSvcrRef>", "Not booked (status PDNG)")]
    [InlineData("CRDT", "INFO", "<AcctSvcrRef>BK-1</AcctSvcrRef>", "Not booked (status INFO)")]
    [InlineData("CRDT", "BOOK", "", "Neither AcctSvcrRef nor NtryRef")]
    public void debits_entries_not_booked_and_entries_without_a_reference_are_no_receipts(string indicator, string status, string refs,
        string reason)
    {
        var line = Read(Document(Camt053Reader.Version08, Entry08("10.00", indicator: indicator, status: status, refs: refs))).Statement!
            .Entries.Single();

        line.NotApplicableReason.Should().StartWith(reason);
    }

    [Theory]
    [InlineData("1500000.5", "JPY", "JPY has no minor unit")]
    [InlineData("1250.5001", "KWD", "KWD amounts are exact to 3 decimal places")]
    [InlineData("10.00", "XXY", "not an ISO 4217 currency code")]
    public void an_amount_finer_than_its_currency_allows_is_refused_naming_the_entry(string amount, string currency, string why)
    {
        var entries = Entry08("1.00") + Entry08(amount, currency);

        var (_, refusal) = Read(Document(Camt053Reader.Version08, entries));

        refusal!.Code.Should().Be("statement-amount-invalid");
        refusal.Field.Should().Be("Stmt/Ntry[2]/Amt");
        refusal.Detail.Should().Contain(why).And.Contain("(line ");
    }

    [Fact]
    public void amounts_exact_to_zero_and_three_decimals_are_read_exactly()
    {
        var entries = Entry08("1500000", "JPY") + Entry08("1250.500", "KWD");

        var amounts = Read(Document(Camt053Reader.Version08, entries)).Statement!.Entries.Select(e => e.Amount);

        amounts.Should().Equal(Money.Of(1_500_000m, "JPY"), Money.Of(1_250.500m, "KWD"));
    }

    [Fact]
    public void a_document_with_two_statements_is_refused()
    {
        var second = "<Stmt><Id>STMT-2</Id><Acct><Id><IBAN>CH9300762011623852957</IBAN></Id></Acct></Stmt>";

        var (_, refusal) = Read(Document(Camt053Reader.Version08, Entry08("1.00"), second));

        refusal!.Code.Should().Be("statement-several-accounts");
        refusal.Detail.Should().Contain("Stmt[2]");
    }
}
