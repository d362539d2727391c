using Microsoft.Playwright;

namespace BotTriage.Browser.Tests;

/// <summary>
/// The one-line embed on a practice's own site, in Debian's headless chromium: the practice's page (served by the
/// test under an address of its own) loads <c>/embed.js</c> from BotTriage; its button opens the chat in a
/// frame, which the chat page's frame-ancestors allow for that site, and the bot's welcome arrives in the frame.
/// </summary>
public sealed class EmbedBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly ChatPageFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task OpensTheChatInAFrameOnThePracticesOwnSite()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run bash tests/setup/chromium.sh (tests/run.sh does).");
        _factory.StartServer();
        using var playwright = await Playwright.CreateAsync();
        // Here the bot listens on loopback; chromium's local-network checks would refuse any other site a script from
        // there. Deployed, both are public sites, so the test switches those checks off rather than the product.
        string[] arguments = ["--no-sandbox", "--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests"];
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = arguments });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1024, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        var site = ChatPageFactory.EmbeddingSite.ToString();
        var embed = new Uri(_factory.BaseAddress, "/embed.js");
        await page.RouteAsync(site + "**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"<!doctype html><html lang=\"en\"><head><title>Practice</title></head><body><h1>Our practice</h1><script src=\"{embed}\" data-lang=\"en\" defer></script></body></html>",
        }));

        await page.GotoAsync(site);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Where should I go? Chat" });
        await button.ClickAsync();

        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));
        var frame = page.FrameLocator("iframe");
        await frame.GetByText("chest pain", new() { Exact = false }).Last.WaitForAsync();
        var src = await page.Locator("iframe").GetAttributeAsync("src");
        Assert.Equal(new Uri(_factory.BaseAddress, "/chat?embed=1&lang=en").ToString(), src);
        await page.ScreenshotAsync(new() { Path = TestResultsFolder.File("embed.png") });
        Assert.Empty(blocked);
    }
}
