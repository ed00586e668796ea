using System.Collections.Concurrent;
using BsgFunds.TestSupport;
using FluentAssertions;
using Microsoft.Playwright;
using Xunit;

namespace BsgFunds.ConsoleTests;

/// <summary>
/// The production sign-in end to end: a real OpenID Connect provider (the certified `oidc-provider` package, started by
/// node from src/BsgFunds.Console/test/oidc-provider.mjs) and a second API process in the Production environment that
/// trusts it, on the console site's database. The console finds the issuer in /console/config.json, signs in with the
/// authorization code flow and PKCE through the provider's own pages, and calls the API with the access token it got.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class OidcSignInTests(ConsoleSite site)
{
    [Fact]
    public async Task a_director_signs_in_with_pkce_against_a_real_provider_reads_the_inbox_and_signs_out()
    {
        var apiAddress = new Uri($"http://127.0.0.1:{Ports.Free()}");
        var issuerPort = Ports.Free();
        var lines = new ConcurrentQueue<string>();
        var redirect = new Uri(apiAddress, "/console/").ToString();
        using var provider = ConsoleSite.StartNode("test/oidc-provider.mjs", [issuerPort.ToString(), redirect], lines);
        try
        {
            await Waiting.UntilAsync(() => Task.FromResult(lines.Any(l => l.Contains("listening", StringComparison.Ordinal))),
                TimeSpan.FromSeconds(30),
                "the OpenID provider to listen", TimeSpan.FromMilliseconds(100));
            await using var api = await ApiProcess.StartAsync(new ApiLaunch(ApiBuild.Dll(), apiAddress, site.ConnectionString)
            {
                Settings = new Dictionary<string, string>
                {
                    ["ASPNETCORE_ENVIRONMENT"] = "Production",
                    ["Auth__Authority"] = $"http://127.0.0.1:{issuerPort}",
                    // Only because this issuer is on loopback over http; docs/console.md.
                    ["Auth__AllowLoopbackHttpIssuer"] = "true",
                    ["Audit__TreeHeads__Key"] = ConsoleSite.NewTreeHeadKey(),
                },
                StartLimit = TimeSpan.FromSeconds(90),
            });

            // The provider's development pages ask for a web font; the console's own requests are checked by the other tests.
            var context = await site.ContextAsync(recordForeign: false);
            var page = await context.NewPageAsync();
            var bearer = new List<string>();
            var authorize = new List<string>();
            page.Request += (_, r) =>
            {
                if (r.Url.StartsWith($"http://127.0.0.1:{issuerPort}/auth?", StringComparison.Ordinal)) authorize.Add(r.Url);
                if (r.Url.Contains("/api/", StringComparison.Ordinal) && r.Headers.TryGetValue("authorization", out var value)) bearer.Add(value);
            };
            await page.GotoAsync(new Uri(apiAddress, "/console/").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            // The provider's own pages: its development login (any name; the name says the role), then consent.
            await page.WaitForURLAsync($"http://127.0.0.1:{issuerPort}/**");
            authorize.Should().ContainSingle().Which.Should().Contain("code_challenge=").And.Contain("code_challenge_method=S256")
                .And.Contain("response_type=code");
            await page.Locator("input[name=login]").FillAsync("tsb-director");
            await page.Locator("input[name=password]").FillAsync("any");
            await page.Locator("button[type=submit]").ClickAsync();
            await page.Locator("button[type=submit]", new() { HasText = "Continue" }).ClickAsync();

            await page.WaitForURLAsync($"{apiAddress.GetLeftPart(UriPartial.Authority)}/console/#/inbox");
            await page.GetByRole(AriaRole.Heading, new() { Name = "What awaits me" }).WaitForAsync();
            await page.GetByRole(AriaRole.Table, new() { Name = "Disbursements to approve" })
                .Or(page.GetByText("Disbursements to approve: none waiting."))
                .First.WaitForAsync();
            (await page.Locator("#who").InnerTextAsync()).Should().Contain("TsbDirector");
            (await page.Locator(".problem").CountAsync()).Should().Be(0, "the API accepted the provider's token");
            bearer.Should().NotBeEmpty().And.OnlyContain(b => b.StartsWith("Bearer ey", StringComparison.Ordinal));
            (await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('oidc.user:')).length")).Should().Be(1);

            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            // The provider asks to confirm (its end-session page); the console is then back at its sign-in button.
            await page.WaitForURLAsync($"http://127.0.0.1:{issuerPort}/**", new() { WaitUntil = WaitUntilState.Commit });
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
            await page.WaitForURLAsync($"{apiAddress.GetLeftPart(UriPartial.Authority)}/console/**", new() { WaitUntil = WaitUntilState.Commit });
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).WaitForAsync();
            (await page.EvaluateAsync<int>("() => Object.keys(sessionStorage).filter(k => k.startsWith('oidc.user:')).length")).Should().Be(0);
            await context.CloseAsync();
        }
        finally
        {
            if (!provider.HasExited) provider.Kill(entireProcessTree: true);
        }
    }
}
