using System.Diagnostics;
using System.Text;
using Alba;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.BankStatements;

/// <summary>POST /api/bank-statements: what a camt.053 statement becomes, and every way a file is refused.</summary>
public sealed class BankStatementImportTests(AppFixture app) : ApiTest(app)
{
    private const string NineEntries = "camt053-v08-nine-entries.xml";

    private async Task<StatementOffice> Office()
    {
        var office = new StatementOffice(Host, new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1")));
        await office.OpenBooks();
        return office;
    }

    [Theory]
    [InlineData("camt053-v08-nine-entries.xml", "camt.053.001.08.xsd")]
    [InlineData("camt053-v02-two-entries.xml", "camt.053.001.02.xsd")]
    [InlineData("camt052-v08-report.xml", "camt.052.001.08.xsd")]
    public async Task the_sample_statements_are_valid_against_the_official_iso_20022_schemas(string sample, string schema)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "BankStatements");
        using var xmllint = Process.Start(new ProcessStartInfo("xmllint",
            ["--noout", "--nonet", "--schema", Path.Combine(folder, "Schemas", schema), Path.Combine(folder, "Samples", sample)])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        var errors = await xmllint.StandardError.ReadToEndAsync();
        await xmllint.WaitForExitAsync();
        xmllint.ExitCode.Should().Be(0, errors);
        errors.Should().Contain($"{sample} validates");
    }

    [Fact]
    public async Task nine_entries_become_nine_lines_with_their_proposals_and_what_is_left_to_do()
    {
        var office = await Office();
        var c = office.Contributions;

        var statement = await office.Imported(StatementOffice.Sample(NineEntries));

        statement.AccountIban.Should().Be(StatementOffice.FundIban);
        statement.StatementReference.Should().Be("STMT-2026-05-29");
        statement.ElectronicSequence.Should().Be("42");
        statement.MessageVersion.Should().Be("camt.053.001.08");
        statement.Progress.Should().Be(new ProgressAnswer(9, 7, 6, 1, 0, 0, 2));
        var lines = statement.Lines;
        lines.Select(l => l.Status).Should().Equal(
            "Proposed", "Proposed", "Proposed", "Proposed", "Unmatched", "NotApplicable", "NotApplicable", "Proposed", "Proposed");

        Proposed(lines[0], c[0], "High").Reason.Should().Contain("BSG-2026-001").And.Contain("remittance information");
        lines[0].BankReference.Should().Be("BK-20260527-0001");
        lines[0].ValueDate.Should().Be(new DateOnly(2026, 5, 27));
        Proposed(lines[1], c[1], "High").Reason.Should().Contain("BSG-2026-002");
        lines[1].CreditorReference.Should().Be("BSG-2026-002");
        Proposed(lines[2], c[2], "Medium").Reason.Should().Contain(StatementOffice.FoundationIban).And.Contain("Fondation Exemple")
            .And.Contain("15000.00 CHF");
        lines[2].DebtorIban.Should().Be(StatementOffice.FoundationIban);

        // Two agreements of the same donor have 10 000 USD due: both are proposed, neither is chosen.
        lines[3].Proposal!.ContributionId.Should().BeNull();
        lines[3].Proposal!.Candidates.Select(x => x.ContributionId).Should().BeEquivalentTo([c[3], c[4]]);
        lines[3].Proposal!.Candidates.Should().OnlyContain(x => x.Confidence == "Low" && x.Reason.Contains("Telecom Research Institute"));
        lines[3].Proposal!.Reason.Should().Contain("2 contributions");

        lines[4].Proposal!.Should().BeEquivalentTo(new { ContributionId = (Guid?)null, Candidates = new List<CandidateAnswer>() });
        lines[4].Proposal!.Reason.Should().Contain("No agreement reference");
        lines[5].Should().BeEquivalentTo(new { CreditDebit = "DBIT", Proposal = (ProposalAnswer?)null });
        lines[5].NotApplicableReason.Should().Contain("debit");
        lines[6].Should().BeEquivalentTo(new { EntryStatus = "PDNG", BankReference = "PDNG-0007" });
        lines[6].NotApplicableReason.Should().Contain("Not booked");

        Proposed(lines[7], c[5], "High");
        lines[7].Amount.Should().Be(new MoneyAnswer(1_500_000m, "JPY"));
        Proposed(lines[8], c[6], "High");
        lines[8].Amount.Should().Be(new MoneyAnswer(1_250.500m, "KWD"));

        (await office.Statement(statement.Id)).Should().BeEquivalentTo(statement);
        var list = StatementOffice.Json(await office.Officer.Send("GET", "/api/bank-statements", null, 200));
        var item = (await list).GetProperty("items")[0];
        item.GetProperty("id").GetGuid().Should().Be(statement.Id);
        item.GetProperty("progress").GetProperty("leftToDo").GetInt32().Should().Be(7);
        var events = await AllEvents();
        events.Select(e => e.Data).OfType<Domain.BankStatements.BankStatementImported>().Should().ContainSingle()
            .Which.ImportedBy.Should().Be("fo-1");
    }

    private static ProposalAnswer Proposed(LineAnswer line, Guid contribution, string confidence)
    {
        line.Status.Should().Be("Proposed");
        line.Proposal!.ContributionId.Should().Be(contribution);
        line.Proposal.Confidence.Should().Be(confidence);
        line.Proposal.Candidates.Should().ContainSingle();
        return line.Proposal;
    }

    [Fact]
    public async Task a_statement_in_version_001_02_is_read_with_its_status_and_debtor_as_that_version_writes_them()
    {
        var office = await Office();

        var statement = await office.Imported(StatementOffice.Sample("camt053-v02-two-entries.xml"));

        statement.MessageVersion.Should().Be("camt.053.001.02");
        statement.Lines[0].Should().BeEquivalentTo(new { Status = "Proposed", EntryStatus = "BOOK", DebtorName = "Fondation Exemple" });
        statement.Lines[0].Proposal!.ContributionId.Should().Be(office.Contributions[2]);
        statement.Lines[0].Proposal!.Confidence.Should().Be("Low", "only the payer's name and the amount fit");
        statement.Lines[1].Status.Should().Be("NotApplicable");
    }

    [Fact]
    public async Task the_same_statement_imported_again_answers_409_with_the_first_import_and_writes_nothing()
    {
        var office = await Office();
        var first = await office.Imported(StatementOffice.Sample(NineEntries));
        var before = (await AllEvents()).Count;

        var again = await office.Import(StatementOffice.Sample(NineEntries), 409);

        var problem = await ProblemOf(again);
        problem.Code.Should().Be("statement-already-imported");
        problem.Detail.Should().Contain("STMT-2026-05-29").And.Contain(first.Url);
        again.Context.Response.Headers.Location.ToString().Should().Be(first.Url);
        (await StatementOffice.Json(again)).GetProperty("firstImport").GetString().Should().Be(first.Url);
        (await AllEvents()).Count.Should().Be(before);
    }

    [Fact]
    public async Task two_imports_of_one_statement_at_the_same_moment_do_not_both_succeed()
    {
        var office = await Office();
        var xml = StatementOffice.Sample(NineEntries);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ => (await Host.Scenario(s =>
        {
            s.Post.Url("/api/bank-statements");
            s.ConfigureHttpContext(c =>
            {
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(xml));
                c.Request.ContentType = "application/xml";
            });
            s.WithRequestHeader("Authorization", $"Bearer {office.Officer.Token}");
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode));

        statuses.Order().Should().Equal([201, 409, 409, 409], "one import wins, the others find it");
        (await AllEvents()).Select(e => e.Data).OfType<Domain.BankStatements.BankStatementImported>().Should().ContainSingle();
    }

    [Fact]
    public async Task an_idempotency_key_replays_the_first_answer_of_an_xml_body()
    {
        var office = await Office();
        var xml = StatementOffice.Sample(NineEntries);
        var first = await office.Import(xml, 201, idempotencyKey: "statement-42");

        var replay = await office.Import(xml, 201, idempotencyKey: "statement-42");

        replay.Context.Response.Headers["Idempotent-Replayed"].ToString().Should().Be("true");
        (await replay.ReadAsTextAsync()).Should().Be(await first.ReadAsTextAsync());
        var other = await office.Import(xml.Replace("STMT-2026-05-29", "STMT-2026-05-31"), 422, idempotencyKey: "statement-42");
        (await ProblemOf(other)).Code.Should().Be("idempotency-key-reused");
    }

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "a statement of another account", "<IBAN>CH9300762011623852957</IBAN>|<IBAN>DE89370400440532013000</IBAN>",
            "statement-account-not-the-fund", "Stmt/Acct/Id/IBAN" },
        { "a JPY amount with decimals", "<Amt Ccy=\"JPY\">1500000</Amt>|<Amt Ccy=\"JPY\">1500000.5</Amt>", "statement-amount-invalid",
            "Stmt/Ntry[8]/Amt" },
        { "a KWD amount with four decimals", "<Amt Ccy=\"KWD\">1250.500</Amt>|<Amt Ccy=\"KWD\">1250.5001</Amt>", "statement-amount-invalid",
            "Stmt/Ntry[9]/Amt" },
        { "an entry without its credit or debit indicator", "<CdtDbtInd>DBIT</CdtDbtInd>|", "statement-schema-invalid", "Line 128" },
        { "an amount that is not a number", "<Amt Ccy=\"USD\">999.00</Amt>|<Amt Ccy=\"USD\">nine</Amt>", "statement-schema-invalid", "Line 106" },
        { "an account report (camt.052) instead of a statement", "camt052", "statement-message-unsupported", "camt.052.001.08" },
        { "text that is not XML", "<Document|Document", "statement-not-xml", "Line 3" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task a_refused_file_gets_a_problem_naming_the_element_and_why_and_nothing_is_written(string what, string change, string code,
        string named)
    {
        var office = await Office();
        var xml = change == "camt052" ? StatementOffice.Sample("camt052-v08-report.xml") : Change(StatementOffice.Sample(NineEntries), change);
        var before = (await AllEvents()).Count;

        var refused = await office.Import(xml, code == "statement-account-not-the-fund" ? 422 : 400);

        var problem = await ProblemOf(refused);
        problem.Code.Should().Be(code, what);
        problem.Detail.Should().Contain(named, what);
        (await AllEvents()).Count.Should().Be(before, what);
    }

    private static string Change(string xml, string change)
    {
        var (from, to) = (change.Split('|')[0], change.Split('|')[1]);
        xml.Should().Contain(from);
        return xml.Replace(from, to);
    }

    [Fact]
    public async Task a_document_type_declaration_is_refused_before_any_entity_is_resolved()
    {
        var office = await Office();
        var secret = Path.Combine(Path.GetTempPath(), $"bsgfunds-xxe-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secret, "XXE-SECRET-7f3a");
        var xml = StatementOffice.Sample(NineEntries)
            .Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE Document [\n"
                + $"  <!ENTITY secret SYSTEM \"file://{secret}\">\n  <!ENTITY lol \"lol\">\n]>")
            .Replace("Invoice 7731", "&secret; &lol;");

        var refused = await office.Import(xml, 400);

        var body = await refused.ReadAsTextAsync();
        body.Should().NotContain("XXE-SECRET-7f3a");
        var problem = await ProblemOf(refused);
        problem.Code.Should().Be("statement-dtd-prohibited");
        problem.Errors!.Keys.Should().Contain("DOCTYPE");
        (await AllEvents()).Select(e => e.Data).OfType<Domain.BankStatements.BankStatementImported>().Should().BeEmpty();
        File.Delete(secret);
    }

    [Fact]
    public async Task a_50_mb_file_is_refused_with_413_before_it_is_read()
    {
        var office = await Office();
        var stream = new CountingStream(50L * 1024 * 1024);

        var refused = await Host.Scenario(s =>
        {
            s.Post.Url("/api/bank-statements");
            s.ConfigureHttpContext(c =>
            {
                c.Request.Body = stream;
                c.Request.ContentLength = stream.Length;
                c.Request.ContentType = "application/xml";
            });
            s.WithRequestHeader("Authorization", $"Bearer {office.Officer.Token}");
            s.WithRequestHeader("Idempotency-Key", "fifty-megabytes");
            s.StatusCodeShouldBe(413);
        });

        (await ProblemOf(refused)).Code.Should().Be("request-too-large");
        stream.BytesRead.Should().Be(0, "a declared length over the limit is refused before the body is read");
    }

    [Fact]
    public async Task a_body_without_a_length_stops_being_read_at_the_limit()
    {
        var office = await Office();
        var stream = new CountingStream(50L * 1024 * 1024);

        var refused = await Host.Scenario(s =>
        {
            s.Post.Url("/api/bank-statements");
            s.ConfigureHttpContext(c =>
            {
                c.Request.Body = stream;
                c.Request.ContentType = "application/xml";
            });
            s.WithRequestHeader("Authorization", $"Bearer {office.Officer.Token}");
            s.StatusCodeShouldBe(413);
        });

        (await ProblemOf(refused)).Code.Should().Be("request-too-large");
        stream.BytesRead.Should().BeLessThan(11L * 1024 * 1024, "reading stops once the 10 MB limit is passed");
    }

    [Fact]
    public async Task a_statement_sent_as_json_is_refused_with_415()
    {
        var office = await Office();

        var refused = await office.Import(StatementOffice.Sample(NineEntries), 415, contentType: "application/json");

        (await ProblemOf(refused)).Code.Should().Be("statement-media-type-unsupported");
    }

    [Fact]
    public async Task text_xml_is_accepted_and_only_a_finance_officer_imports_an_auditor_reads()
    {
        var office = await Office();
        var auditor = await TokenFor("Auditor", "audit-1");
        await office.Import(StatementOffice.Sample(NineEntries), 403, token: auditor);

        var statement = await FinanceOffice.Read<StatementAnswer>(await office.Import(StatementOffice.Sample(NineEntries), 201, "text/xml"));

        var read = await Send("GET", $"/api/bank-statements/{statement.Id}", auditor);
        (await ReadAs<StatementAnswer>(read)).Lines.Should().HaveCount(9);
        await Send("GET", $"/api/bank-statements/{Guid.NewGuid()}", auditor, expectedStatus: 404);
    }

    /// <summary>A body of zeros of a given length that counts how much of it was read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        // The test host rewinds a body before sending it; anything else would be a read.
        public override long Position { get => BytesRead; set => BytesRead = value == 0 ? 0 : throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
