using System.Security.Cryptography;
using System.Text.Json;
using BsgFunds.Api.Transparency;
using BsgFunds.Audit;
using BsgFunds.Domain.Transparency;
using BsgFunds.IntegrationTests.Contributions;
using BsgFunds.IntegrationTests.Infrastructure;
using BsgFunds.TestSupport;
using FluentAssertions;
using Marten.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace BsgFunds.IntegrationTests.Transparency;

public class KeyRotationTests(AppFixture app) : ApiTest(app)
{
    private sealed record KeyAnswer(string KeyId, string PublicKeyPem, DateTimeOffset From, DateTimeOffset? To);

    private sealed record KeysAnswer(KeyAnswer[] Keys);

    private async Task<TreeHead> LatestHead(long size)
    {
        var auditor = await TokenFor("Auditor");
        TreeHead? head = null;
        await Waiting.UntilAsync(async () =>
        {
            var answer = await Host.Scenario(s =>
            {
                s.Get.Url("/api/audit/tree-heads/latest");
                s.WithRequestHeader("Authorization", $"Bearer {auditor}");
                s.IgnoreStatusCode();
            });
            head = answer.Context.Response.StatusCode == 200 ? JsonSerializer.Deserialize<TreeHead>(await answer.ReadAsTextAsync(), Web) : null;
            return head?.TreeSize == size;
        }, TimeSpan.FromSeconds(30), $"a signed head of {size} leaves");
        return head!;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task a_new_key_retires_the_old_one_which_signs_no_more_and_heads_of_both_stay_verifiable()
    {
        var office = new FinanceOffice(Host, await TokenFor("FinanceOfficer", "fo-1"));
        await office.Rate("USD", "2026-01", 0.9m);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var before = await LatestHead((await AllEvents()).Count);

        using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:TreeHeads:Key"] = fresh.ExportPkcs8PrivateKeyPem() }).Build();
        using var rotated = new TreeHeadSigningKey(configuration, Host.Services.GetRequiredService<IHostEnvironment>());
        await TreeHeads.RegisterKeyAsync(Store, rotated, TimeProvider.System, CancellationToken.None);

        var keys = JsonSerializer.Deserialize<KeysAnswer>(await (await Send("GET", "/api/audit/keys", null)).ReadAsTextAsync(), Web)!.Keys;
        keys.Should().HaveCount(2);
        keys.Single(k => k.KeyId == before.KeyId).To.Should().NotBeNull("the key it replaced is retired");
        keys.Single(k => k.KeyId == rotated.KeyId).To.Should().BeNull();

        // This host still holds the retired key: it signs nothing more, and a year's close, which must be sealed, says why.
        await office.Rate("EUR", "2026-01", 0.95m);
        await Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var grown = (await AllEvents()).Count;
        var refused = async () => await TreeHeads.PublishAsync(Store, Host.Services.GetRequiredService<TreeHeadSigningKey>(),
            TimeProvider.System, CancellationToken.None);
        await refused.Should().ThrowAsync<Api.Http.RefusedException>();
        await Send("POST", "/api/periods/2025/close", await TokenFor("FinanceOfficer", "fo-1"));
        (await ProblemOf(await Send("POST", "/api/periods/2025/close", await TokenFor("TsbDirector", "tsb-1"), expectedStatus: 409)))
            .Code.Should().Be("signing-key-retired");

        // A node with the new key signs; the old head and the new one each verify with their own key from the list.
        var after = (await TreeHeads.PublishAsync(Store, rotated, TimeProvider.System, CancellationToken.None))!;
        after.KeyId.Should().Be(rotated.KeyId);
        after.TreeSize.Should().BeGreaterThanOrEqualTo(grown);
        using var files = new LogFiles();
        var list = files.Save("keys.json", JsonSerializer.Serialize(new { keys = keys.Select(k => new { k.KeyId, k.PublicKeyPem }) }, Web));
        foreach (var head in new[] { before, after })
        {
            var output = new StringWriter();
            (await AuditTool.RunAsync(["--head", files.Save($"head-{head.TreeSize}.json", JsonSerializer.Serialize(head, Web)), "--key", list],
                output)).Should().Be(0, output.ToString());
            var pem = files.Save($"key-{head.KeyId}.pem", keys.Single(k => k.KeyId == head.KeyId).PublicKeyPem);
            var independent = await IndependentVerifier.RunAsync("head", "--head", files.Save($"h-{head.TreeSize}.json",
                JsonSerializer.Serialize(head, Web)), "--key", pem);
            independent.Exit.Should().Be(0, independent.Output);
        }
    }
}
