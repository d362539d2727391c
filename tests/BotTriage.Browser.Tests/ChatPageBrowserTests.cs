using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace BotTriage.Browser.Tests;

/// <summary>
/// The chat page in Debian's headless chromium: the welcome arrives without typing, a whole triage is answered by
/// clicking the suggested-action buttons and typing in Web Chat's send box, and the result card shows the route and
/// its booking button. A screenshot of the result is kept under the test run's TestResults folder.
/// </summary>
public sealed class ChatPageBrowserTests : IDisposable
{
    // ---- The conversation the browser holds with the shipped dialogs. Update here when dialogs/ changes. ----
    // Each step waits for a piece of the bot's question, then clicks the button showing that text or types it.
    private static readonly Step[] Conversation =
    [
        new("pijn op de borst, ernstige benauwdheid", Act.Click, "nee"),
        new("Mag ik je antwoorden bewaren", Act.Click, "ja"),
        new("In welke taal wil je verder", Act.Click, "Nederlands"),
        new("Waar heb je last van", Act.Type, "schouderblad"),
        new("Hoe lang heb je er al last van", Act.Type, "8 weken"),
        new("Hoeveel pijn heb je meestal", Act.Type, "4"),
        new("Hoeveel last heb je ervan in je dagelijks leven", Act.Click, "een beetje"),
        new("plotseling kracht of gevoel kwijtgeraakt", Act.Click, "nee"),
        new("duizelig, zie je dubbel", Act.Click, "nee"),
        new("drukkend gevoel op de borst", Act.Click, "nee"),
        new("handen aan beide kanten doof", Act.Click, "nee"),
        new("een ongeluk gehad, een val van hoogte", Act.Click, "nee"),
        new("kort geleden gevallen of gestruikeld", Act.Click, "nee"),
        new("koorts of koude rillingen", Act.Click, "nee"),
        new("Is je afweer verlaagd", Act.Click, "nee"),
        new("nu of vroeger kanker gehad", Act.Click, "nee"),
        new("afgevallen zonder dat je dat probeerde", Act.Click, "nee"),
        new("'s nachts erger", Act.Click, "nee"),
        new("hetzelfde gebleven of erger geworden", Act.Click, "beter geworden"),
        new("op veel andere plekken in je lichaam pijn", Act.Click, "nee"),
        new("doof gevoel of tintelingen in een arm of been", Act.Click, "nee"),
        new("voordat ik een massage kan aanraden", Act.Click, "nee"),
        new("weinig zin in of plezier", Act.Click, "helemaal niet"),
        new("somber, neerslachtig of hopeloos", Act.Click, "helemaal niet"),
        new("nerveus, angstig of gespannen", Act.Click, "helemaal niet"),
        new("niet om te stoppen met piekeren", Act.Click, "helemaal niet"),
        new("bang dat bewegen je klachten erger maakt", Act.Click, "nee"),
        new("nooit meer goed komt", Act.Click, "nee"),
        new("Loop je hard of sport je veel", Act.Click, "nee"),
        new("Zit je veel", Act.Click, "nee"),
        new("veel stress, of slaap je slecht", Act.Click, "nee"),
        new("Ben je hiervoor al bij de huisarts", Act.Type, "nee"),
    ];

    // The route label the result card shows for that conversation, and its booking button.
    private const string ExpectedRoute = "massage in onze praktijk";
    private const string ExpectedBookingButton = "Afspraak maken: massage";
    // ---- End of the conversation. ----

    private const string Chromium = "/usr/bin/chromium";
    private static readonly float Timeout = 30_000;

    private readonly ChatPageFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CompletesATriageByTypingAndClickingAndShowsTheRouteOnTheResultCard()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run bash tests/setup/chromium.sh (tests/run.sh does).");
        _factory.StartServer();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 420, Height = 900 } });
        page.SetDefaultTimeout(Timeout);
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(new Uri(_factory.BaseAddress, "/").ToString());
        // The bot says "je"; Web Chat's own Dutch placeholder says "uw".
        Assert.Equal("Typ je bericht", await page.Locator("[data-id='webchat-sendbox-input']").GetAttributeAsync("placeholder"));
        foreach (var step in Conversation)
        {
            await page.GetByText(step.BotSays, new() { Exact = false }).Last.WaitForAsync();
            if (step.How == Act.Click)
            {
                await page.Locator("button").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(step.Answer) + "\\s*$") }).Last.ClickAsync();
            }
            else
            {
                var input = page.Locator("[data-id='webchat-sendbox-input']");
                await input.FillAsync(step.Answer);
                await input.PressAsync("Enter");
            }
        }

        var card = page.Locator(".ac-adaptiveCard").Last;
        await card.WaitForAsync();
        await card.ScrollIntoViewIfNeededAsync();
        var screenshot = TestResultsFolder.File("chat-result.png");
        await page.ScreenshotAsync(new() { Path = screenshot });
        var booking = card.GetByRole(AriaRole.Button, new() { Name = ExpectedBookingButton });
        await booking.WaitForAsync();

        Assert.Contains(ExpectedRoute, await card.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await booking.IsVisibleAsync());
        Assert.Contains("Praktijk De Test", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Empty(problems);
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    private enum Act
    {
        Click,
        Type,
    }

    private sealed record Step(string BotSays, Act How, string Answer);
}
