using System.Text.Json;
using Alba;
using FluentAssertions;

namespace BsgFunds.IntegrationTests.Contributions;

/// <summary>What a finance officer's tool does through the HTTP API, step by step.</summary>
public sealed class FinanceOffice(IAlbaHost host, string token)
{
    public string Token => token;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Rate(string currency, string month, decimal rate) =>
        await Send("PUT", $"/api/exchange-rates/{currency}/{month}", new { rateToChf = rate, source = "UN operational rate" }, 200);

    public async Task<Guid> Donor(string name, string type, string? countryCode) =>
        (await Read<IdAnswer>(await Send("POST", "/api/donors", new { name, type, countryCode }, 201))).Id;

    public async Task<Guid> Pledge(Guid donorId, string source, decimal amount, string currency, object? earmark = null) =>
        (await Read<IdAnswer>(await Send("POST", "/api/contributions",
            new { donorId, source, amount = new { amount, currency }, pledgedOn = "2026-01-05", earmark }, 201))).Id;

    public async Task<Change> Sign(Guid id, decimal amount, string currency, string signedOn = "2026-01-15", string[]? conditions = null,
        decimal? pscRatePercent = null) =>
        await Read<Change>(await Send("POST", $"/api/contributions/{id}/agreement", new
        {
            signedOn,
            reference = $"AGR-{id.ToString()[..8]}",
            amount = new { amount, currency },
            pscRatePercent,
            instalments = new[] { new { dueOn = "2026-06-30", amount = new { amount, currency } } },
            conditions = (conditions ?? []).Select(d => new { description = d }).ToArray(),
        }, 200));

    public async Task<Change> Receive(Guid id, decimal amount, string currency, string valueDate, string bankReference) =>
        await Read<Change>(await Send("POST", $"/api/contributions/{id}/receipts",
            new { amount = new { amount, currency }, valueDate, bankReference }, 201));

    public async Task<IScenarioResult> Send(string method, string url, object? body, int expectedStatus) =>
        await host.Scenario(s =>
        {
            var request = method == "PUT" ? s.Put : method == "GET" ? s.Get : s.Post;
            if (body is null) request.Url(url);
            else request.Json(body).ToUrl(url);
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.StatusCodeShouldBe(expectedStatus);
        });

    public async Task<ContributionAnswer> Contribution(Guid id) => await Read<ContributionAnswer>(await Send("GET", $"/api/contributions/{id}",
        null, 200));

    public async Task<TrialBalanceAnswer> TrialBalance(string? asOf = null) =>
        await Read<TrialBalanceAnswer>(await Send("GET",
            asOf is null ? "/api/reports/trial-balance" : $"/api/reports/trial-balance?asOf={Uri.EscapeDataString(asOf)}", null, 200));

    public static async Task<T> Read<T>(IScenarioResult result) =>
        JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), Json) ?? throw new InvalidOperationException("empty body");
}

public sealed record IdAnswer(Guid Id);

public sealed record MoneyAnswer(decimal Amount, string Currency);

public sealed record Change(Guid Id, long EventSequence, ContributionAnswer Contribution);

public sealed record MoneyEventAnswer(long Sequence, string Type, decimal AmountChf, string? BankReference, long? Reverses, long? ReversedBy);

public sealed record ContributionAnswer(
    Guid Id, Guid DonorId, string Status, MoneyAnswer Pledged, MoneyAnswer? Agreed, decimal AgreedChf,
    MoneyAnswer Received, decimal ReceivedChf, MoneyAnswer Receivable, decimal ReceivableChf, decimal PscChf, decimal ExchangeDifferenceChf,
    MoneyAnswer WrittenOff, decimal WrittenOffChf, decimal RefundedChf, decimal DeferredRevenueChf, decimal AvailableChf,
    List<MoneyEventAnswer>? MoneyEvents);

public sealed record AccountAnswer(string Account, decimal DebitsChf, decimal CreditsChf, decimal BalanceChf, Dictionary<string,
    decimal> BalanceByCurrency);

public sealed record TrialBalanceAnswer(DateTimeOffset AsOf, long LastSequence, List<AccountAnswer> Accounts, decimal TotalDebitsChf,
    decimal TotalCreditsChf, bool Balanced)
{
    public decimal Balance(string account) => Accounts.SingleOrDefault(a => a.Account == account)?.BalanceChf ?? 0m;

    public decimal Balance(Func<string, bool> accounts) => Accounts.Where(a => accounts(a.Account)).Sum(a => a.BalanceChf);

    public void ShouldBalance()
    {
        TotalDebitsChf.Should().Be(TotalCreditsChf);
        Accounts.Sum(a => a.BalanceChf).Should().Be(0m);
        Balanced.Should().BeTrue();
    }
}
