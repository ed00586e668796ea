using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BsgFunds.TestSupport;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace BsgFunds.PortalTests;

/// <summary>
/// "Download proof" beside each receipt (docs/portal.md): the file saved is the API's verifiable receipt, byte for byte,
/// and the independent verifier accepts it with the published key alone.
/// </summary>
[Collection(PortalSiteCollection.Name)]
public sealed class ReceiptProofTests(PortalSite site) : IAsyncLifetime
{
    private const string NotYetSigned = "The fund's log has not yet signed this receipt; try again in a few seconds.";
    private PortalBrowser browser = null!;

    public async Task InitializeAsync() => browser = await PortalBrowser.LaunchAsync();

    public async Task DisposeAsync() => await browser.DisposeAsync();

    private sealed record Receipt(Guid ContributionId, long Sequence, string ButtonName);

    /// <summary>The donor's first receipt as the API's statement lists it, and the accessible name its button must have.</summary>
    private async Task<Receipt> FirstReceiptAsync(Guid donor, string token)
    {
        var statement = await site.Api.GetJsonAsync($"/api/reports/donors/{donor}/statement", token);
        var contribution = statement.GetProperty("contributions")[0];
        var receipt = contribution.GetProperty("receipts")[0];
        var sequence = receipt.GetProperty("sequence").GetInt64();
        var amount = receipt.GetProperty("amount");
        var shown = $"{amount.GetProperty("amount").GetDecimal().ToString("N2", CultureInfo.InvariantCulture)} "
            + amount.GetProperty("currency").GetString();
        return new Receipt(contribution.GetProperty("contributionId").GetGuid(), sequence,
            $"Download proof of the receipt of {shown} on {receipt.GetProperty("valueDate").GetString()} (ledger event {sequence})");
    }

    private static async Task<string> ProofStatusAsync(IPage page)
    {
        // The answer has come once the line says anything but that it is fetching.
        await page.WaitForFunctionAsync("() => { const t = document.getElementById('proof-status').textContent; "
            + "return t !== '' && !t.startsWith('Fetching'); }", null, new() { Timeout = 30_000 });
        return (await page.Locator("#proof-status").TextContentAsync())!;
    }

    [Fact]
    public async Task a_donor_downloads_a_receipts_proof_that_the_independent_verifier_accepts()
    {
        var receipt = await FirstReceiptAsync(site.DonorA, site.TokenA);
        var page = await browser.SignedInAsync(site, site.DonorA);
        var downloads = new ConcurrentQueue<IDownload>();
        page.Download += (_, d) => downloads.Enqueue(d);
        var button = page.GetByRole(AriaRole.Button, new() { Name = receipt.ButtonName, Exact = true });

        // A tree head is signed every half second here: until one covers the receipt, the page says so and saves nothing.
        await Waiting.UntilAsync(async () =>
        {
            await button.PressAsync("Enter");
            var said = await ProofStatusAsync(page);
            if (said == NotYetSigned) return false;
            said.Should().Be($"Saved receipt-{receipt.ContributionId}-{receipt.Sequence}.json.");
            return true;
        }, TimeSpan.FromSeconds(60), "a signed tree head over the receipt", TimeSpan.FromSeconds(1));
        await Waiting.UntilAsync(() => Task.FromResult(!downloads.IsEmpty), TimeSpan.FromSeconds(10), "the download");
        downloads.Should().HaveCount(1);
        var download = downloads.Single();
        download.SuggestedFilename.Should().Be($"receipt-{receipt.ContributionId}-{receipt.Sequence}.json");

        var folder = Directory.CreateTempSubdirectory("bsgfunds-portal-proof-");
        try
        {
            var file = Path.Combine(folder.FullName, download.SuggestedFilename);
            await download.SaveAsAsync(file);
            var saved = JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement;
            saved.GetProperty("sequence").GetInt64().Should().Be(receipt.Sequence);
            saved.GetProperty("contributionId").GetGuid().Should().Be(receipt.ContributionId);
            saved.GetProperty("leaf").GetString().Should().StartWith($"bsgfunds-leaf-v1\n{receipt.Sequence}\n{receipt.ContributionId}");

            var keys = JsonDocument.Parse(await site.Api.Http.GetStringAsync("/api/audit/keys")).RootElement.GetProperty("keys");
            var current = keys.EnumerateArray().Single(k => k.GetProperty("to").ValueKind == JsonValueKind.Null);
            var key = Path.Combine(folder.FullName, "KEY.pem");
            await File.WriteAllTextAsync(key, current.GetProperty("publicKeyPem").GetString());
            var (exit, output) = await IndependentVerifier.RunAsync("receipt", "--receipt", file, "--key", key);
            exit.Should().Be(0, output);
            output.Should().StartWith("OK:");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task a_proof_not_yet_signed_or_refused_is_explained_in_words_and_nothing_is_saved()
    {
        var mine = await FirstReceiptAsync(site.DonorA, site.TokenA);
        var theirs = await FirstReceiptAsync(site.DonorB, site.TokenB);
        var page = await browser.SignedInAsync(site, site.DonorA);
        var downloads = 0;
        page.Download += (_, _) => Interlocked.Increment(ref downloads);
        var button = page.GetByRole(AriaRole.Button, new() { Name = mine.ButtonName, Exact = true });
        const string proofs = "**/api/contributions/*/receipts/*/proof";

        // The API answers 409 only for the second or so before a head is signed: played here as it answers then.
        await page.RouteAsync(proofs, route => route.FulfillAsync(new()
        {
            Status = 409,
            ContentType = "application/problem+json",
            Headers = new Dictionary<string, string> { ["Retry-After"] = "1" },
            Body = """{"status":409,"title":"Conflict","detail":"The receipt is not yet in a signed tree head."}""",
        }));
        await button.ClickAsync();
        (await ProofStatusAsync(page)).Should().Be(NotYetSigned);
        await page.UnrouteAsync(proofs);

        // Donor B's receipt asked for with donor A's token: the API's own refusal, whose detail the page shows as it is.
        var theirsUrl = new Uri(site.Address, $"/api/contributions/{theirs.ContributionId}/receipts/{theirs.Sequence}/proof").ToString();
        using var refused = await site.GetAsync(theirsUrl, site.TokenA);
        ((int)refused.StatusCode).Should().Be(404);
        var detail = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        await page.RouteAsync(proofs, route => route.ContinueAsync(new() { Url = theirsUrl }));
        await page.Locator("#proof-status").EvaluateAsync("p => p.textContent = ''");
        await button.ClickAsync();
        (await ProofStatusAsync(page)).Should().Be(detail);
        (await page.Locator("#proof-status").GetAttributeAsync("class")).Should().Be("error");
        downloads.Should().Be(0);
    }
}
