using Microsoft.Playwright;

namespace BsgFunds.PortalTests;

/// <summary>Debian's Chromium, headless, driven by Playwright (no browser download), and the portal signed in as a donor.</summary>
public sealed class PortalBrowser : IAsyncDisposable
{
    private readonly IPlaywright playwright;

    private PortalBrowser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<PortalBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("BSGFUNDS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // As root in a container, without a sandbox; no background traffic to a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return new PortalBrowser(playwright, browser);
    }

    /// <summary>A page signed in through the development sign-in, once the donor's statement shows.</summary>
    public async Task<IPage> SignedInAsync(PortalSite site, Guid donor)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });
        await page.GotoAsync(new Uri(site.Address, "/portal/").ToString());
        await page.GetByLabel("Donor id").FillAsync(donor.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in (development)" }).ClickAsync();
        await page.Locator("#statement").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 30_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
