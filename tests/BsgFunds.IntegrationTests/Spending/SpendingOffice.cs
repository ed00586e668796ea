using System.Text.Json;
using Alba;
using BsgFunds.IntegrationTests.Contributions;

namespace BsgFunds.IntegrationTests.Spending;

public sealed record SignOffAnswer(string Role, string By, Guid? DelegationId);

public sealed record FundingAnswer(Guid ContributionId, Guid DonorId, string Category, decimal CommittedChf, decimal DisbursedChf,
    decimal ReleasedChf);

public sealed record AllocationAnswer(
    Guid Id, string Status, decimal AmountChf, bool NeedsBdtSignOff, List<SignOffAnswer> SignOffs, List<FundingAnswer> Funding,
    decimal CommittedChf, decimal DisbursedChf, decimal PendingChf, decimal ReleasedChf, decimal RemainingChf);

public sealed record AllocationChange(long EventSequence, AllocationAnswer Allocation);

public sealed record DisbursementAnswer(Guid Id, Guid AllocationId, decimal AmountChf, string Status);

public sealed record DisbursementChange(long EventSequence, DisbursementAnswer Disbursement);

/// <summary>Requests, sign-offs and payments through the HTTP API, each as the person whose token it holds.</summary>
public sealed class SpendingOffice(IAlbaHost host)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Guid> RequestAllocation(string token, int programme, string use, decimal amountChf, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["year"] = 2026, ["programme"] = programme, ["use"] = use, ["title"] = $"{use} {amountChf}",
            ["amountChf"] = amountChf };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[char.ToLowerInvariant(p.Name[0]) + p.Name[1..]] = p.GetValue(extra);
        return (await FinanceOffice.Read<IdAnswer>(await Send(token, "POST", "/api/allocations", body, 201))).Id;
    }

    public async Task<AllocationAnswer> Approve(string token, Guid allocation, int status = 200) =>
        await ReadChange(await Send(token, "POST", $"/api/allocations/{allocation}/approve", null, status), status);

    public async Task<AllocationAnswer> SignOff(string token, Guid allocation, int status = 200) =>
        await ReadChange(await Send(token, "POST", $"/api/allocations/{allocation}/bdt-signoff", null, status), status);

    public async Task<AllocationAnswer> Allocation(string token, Guid allocation) =>
        JsonSerializer.Deserialize<AllocationAnswer>(await (await Send(token, "GET", $"/api/allocations/{allocation}", null,
            200)).ReadAsTextAsync(), Json)!;

    public async Task<IScenarioResult> Send(string token, string method, string url, object? body, int status) =>
        await host.Scenario(s =>
        {
            var request = method == "PUT" ? s.Put : method == "GET" ? s.Get : s.Post;
            if (body is null) request.Url(url);
            else request.Json(body).ToUrl(url);
            s.WithRequestHeader("Authorization", $"Bearer {token}");
            s.StatusCodeShouldBe(status);
        });

    private static async Task<AllocationAnswer> ReadChange(IScenarioResult result, int status) =>
        status == 200 ? JsonSerializer.Deserialize<AllocationChange>(await result.ReadAsTextAsync(), Json)!.Allocation : null!;
}
