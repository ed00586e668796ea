using System.Text;
using System.Text.Json;
using Alba;
using BsgFunds.IntegrationTests.Contributions;

namespace BsgFunds.IntegrationTests.BankStatements;

/// <summary>
/// The book the sample statements are written against (Samples/camt053-v08-nine-entries.xml): five donors, seven signed
/// agreements with the references the remittance information quotes, and the rates of the signing and value months.
/// </summary>
public sealed class StatementOffice(IAlbaHost host, FinanceOffice fo)
{
    public FinanceOffice Officer => fo;

    public const string FundIban = "CH9300762011623852957";
    public const string FoundationIban = "CH5604835012345678009";

    public Guid Korea { get; private set; }
    public Guid Foundation { get; private set; }
    public Guid Institute { get; private set; }
    public Guid Japan { get; private set; }
    public Guid Kuwait { get; private set; }

    /// <summary>BSG-2026-001 (USD) … BSG-2026-007 (KWD), in that order.</summary>
    public List<Guid> Contributions { get; } = [];

    public static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BankStatements", "Samples", name));

    public async Task OpenBooks()
    {
        foreach (var month in new[] { "2026-01", "2026-05" })
        {
            await fo.Rate("USD", month, month == "2026-01" ? 0.90m : 0.88m);
            await fo.Rate("EUR", month, month == "2026-01" ? 0.95m : 0.94m);
            await fo.Rate("JPY", month, month == "2026-01" ? 0.0061m : 0.0059m);
            await fo.Rate("KWD", month, month == "2026-01" ? 2.90m : 2.87m);
        }

        Korea = await fo.Donor("Ministry of Science and ICT", "MemberState", "KR");
        Foundation = await fo.Donor("Fondation Exemple", "Foundation", "CH");
        Institute = await fo.Donor("Telecom Research Institute", "SectorMember", "DE");
        Japan = await fo.Donor("Ministry of Internal Affairs and Communications", "MemberState", "JP");
        Kuwait = await fo.Donor("Communication and Information Technology Regulatory Authority", "MemberState", "KW");
        var account = new { iban = "CH56 0483 5012 3456 7800 9", holderName = "Fondation Exemple" };
        await fo.Send("POST", $"/api/donors/{Foundation}/bank-accounts", account, 200);

        await Agreement(Korea, "OtherVoluntary", "BSG-2026-001", "USD", 50_000m, 50_000m);
        await Agreement(Korea, "OtherVoluntary", "BSG-2026-002", "EUR", 20_000m);
        await Agreement(Foundation, "OtherVoluntary", "BSG-2026-003", "CHF", 15_000m);
        await Agreement(Institute, "PrivateSectorVoluntary", "BSG-2026-004", "USD", 10_000m);
        await Agreement(Institute, "PrivateSectorVoluntary", "BSG-2026-005", "USD", 10_000m, 10_000m);
        await Agreement(Japan, "DevelopedCountryVoluntary", "BSG-2026-006", "JPY", 1_500_000m, 1_500_000m);
        await Agreement(Kuwait, "OtherVoluntary", "BSG-2026-007", "KWD", 1_250.500m, 1_250.500m);
    }

    private async Task Agreement(Guid donor, string source, string reference, string currency, params decimal[] instalments)
    {
        var total = instalments.Sum();
        var id = await fo.Pledge(donor, source, total, currency);
        await fo.Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn = "2026-01-15",
            reference,
            amount = new { amount = total, currency },
            instalments = instalments.Select((a, i) => new { dueOn = i == 0 ? "2026-05-31" : "2026-11-30",
                amount = new { amount = a, currency } }).ToArray(),
            conditions = Array.Empty<object>(),
        }, 200);
        Contributions.Add(id);
    }

    public async Task<IScenarioResult> Import(string xml, int expectedStatus, string contentType = "application/xml",
        string? idempotencyKey = null, string? token = null) =>
        await host.Scenario(s =>
        {
            s.Post.Url("/api/bank-statements");
            s.ConfigureHttpContext(c =>
            {
                var bytes = Encoding.UTF8.GetBytes(xml);
                c.Request.Body = new MemoryStream(bytes);
                c.Request.ContentLength = bytes.Length;
                c.Request.ContentType = contentType;
            });
            s.WithRequestHeader("Authorization", $"Bearer {token ?? fo.Token}");
            if (idempotencyKey is not null) s.WithRequestHeader("Idempotency-Key", idempotencyKey);
            s.StatusCodeShouldBe(expectedStatus);
        });

    public async Task<StatementAnswer> Imported(string xml) => await FinanceOffice.Read<StatementAnswer>(await Import(xml, 201));

    public async Task<StatementAnswer> Statement(Guid id) =>
        await FinanceOffice.Read<StatementAnswer>(await fo.Send("GET", $"/api/bank-statements/{id}", null, 200));

    public async Task<IScenarioResult> Confirm(Guid statement, int line, Guid? contributionId, int expectedStatus) =>
        await fo.Send("POST", $"/api/bank-statements/{statement}/lines/{line}/confirm", new { contributionId }, expectedStatus);

    public static async Task<JsonElement> Json(IScenarioResult result) => JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
}

public sealed record StatementAnswer(Guid Id, string AccountIban, string StatementReference, string? ElectronicSequence, string MessageVersion,
    ProgressAnswer Progress, List<LineAnswer> Lines, string Url);

public sealed record ProgressAnswer(int Lines, int LeftToDo, int Proposed, int Unmatched, int Confirmed, int SetAside, int NotApplicable);

public sealed record LineAnswer(int Number, string Status, string CreditDebit, string EntryStatus, DateOnly? ValueDate, MoneyAnswer Amount,
    string? BankReference, string? DebtorName, string? DebtorIban, List<string> RemittanceUnstructured, string? CreditorReference,
    string? NotApplicableReason, ProposalAnswer? Proposal, Guid? ContributionId, string? DecidedBy, string? SetAsideReason);

public sealed record ProposalAnswer(Guid? ContributionId, string? Confidence, string Reason, List<CandidateAnswer> Candidates);

public sealed record CandidateAnswer(Guid ContributionId, Guid DonorId, string Confidence, string Reason);
