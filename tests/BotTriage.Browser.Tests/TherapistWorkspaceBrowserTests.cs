using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.Transcripts;
using BotTriage.Core.Triage;
using Microsoft.Playwright;

namespace BotTriage.Browser.Tests;

/// <summary>
/// The therapist workspace in Debian's headless chromium: a therapist logs in with a configured account, narrows the
/// list to the sessions with a red flag, opens one, sees the words that raised the flag highlighted and downloads its
/// Bot Framework transcript. The sessions are put in the stores directly, so the test does not depend on the dialogs.
/// A screenshot of the session page is kept under the test run's TestResults folder.
/// </summary>
public sealed class TherapistWorkspaceBrowserTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string RedFlagWords = "koorts & rillingen";
    private const string RedFlagMessage = "ik heb koorts & rillingen <b>sinds gisteren</b>";
    private static readonly float Timeout = 30_000;

    private readonly WorkspaceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ATherapistFiltersOnRedFlagsOpensTheFlaggedSessionAndDownloadsItsTranscript()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run bash tests/setup/chromium.sh (tests/run.sh does).");
        _factory.StartServer();
        await SeedAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        var rows = page.Locator("table tbody tr");

        await page.GotoAsync(Url("/therapists/login"));
        await page.GetByLabel("Gebruikersnaam").FillAsync(WorkspaceFactory.UserName);
        await page.GetByLabel("Wachtwoord").FillAsync(WorkspaceFactory.Password);
        // The login's own answer first, so a refused login fails here with its status and page, not as a wait for a URL.
        var login = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/therapists/login", StringComparison.Ordinal));
        if (login.Status is not (302 or 303))
        {
            Assert.Fail($"The login answered {login.Status}: {await login.TextAsync()}");
        }

        // Waits for an element of the new page rather than WaitForURL's load event, which a busy machine can let pass
        // before the wait is in place (the wait then times out on a page that has long loaded).
        await page.Locator("form.filters").WaitForAsync();
        Assert.Equal(Url("/therapists"), page.Url);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == Web.Therapists.TherapistWorkspace.CookieName);
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = Timeout });

        await page.Locator("select[name=redflag]").SelectOptionAsync("yes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filteren" }).ClickAsync();
        // The filtered page is the one whose "yes" is selected in its markup (choosing it above only sets the property).
        await page.Locator("select[name=redflag] option[value=yes][selected]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Contains("redflag=yes", page.Url, StringComparison.Ordinal);

        Assert.True(cookie is { Secure: true, HttpOnly: true, SameSite: SameSiteAttribute.Strict });
        await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = Timeout });
        Assert.Contains("P-ROOD0001", await rows.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("has-redflag", await rows.First.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        var highlighted = page.Locator("ul.redflags li.redflag mark");
        await highlighted.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = TestResultsFolder.File("workspace-session.png") });
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Transcript (.transcript)" }).ClickAsync());
        var downloaded = await download.PathAsync();
        await using var file = File.OpenRead(downloaded);
        var activities = await TranscriptFile.ReadAsync(file, CancellationToken.None);

        Assert.Equal(RedFlagWords, await highlighted.InnerTextAsync());
        Assert.Contains("fever", await page.Locator("ul.redflags li.redflag").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("rgb(255, 215, 215)", await highlighted.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.StartsWith(RedFlagMessage, await page.Locator(".bubble.user").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".bubble.user b").CountAsync());
        Assert.EndsWith(".transcript", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal(2, activities.Count);
        Assert.Equal(RedFlagMessage, activities[0].GetProperty("text").GetString());
        Assert.Equal("bot", activities[1].GetProperty("from").GetProperty("role").GetString());
        Assert.True(new FileInfo(TestResultsFolder.File("workspace-session.png")).Length > 0);
    }

    private string Url(string path) => new Uri(_factory.BaseAddress, path).ToString();

    private async Task SeedAsync()
    {
        var sessions = _factory.Get<ISessionStore>();
        var transcripts = _factory.Get<ITranscriptStore>();
        var now = DateTimeOffset.UtcNow;
        await sessions.UpsertAsync(Session("webchat", "gesprek-rood", "P-ROOD0001", now, FlaggedOutcome()), CancellationToken.None);
        await sessions.UpsertAsync(Session("webchat", "gesprek-rustig", "P-RUST0001", now.AddMinutes(-5), CalmOutcome("massage")), CancellationToken.None);
        await sessions.UpsertAsync(Session("msteams", "a:teams-gesprek", "P-WERK0001", now.AddMinutes(-10), CalmOutcome("physio")), CancellationToken.None);
        await transcripts.AppendAsync(
            "webchat",
            "gesprek-rood",
            [
                Message("1", "user", RedFlagMessage, now.AddMinutes(-2)),
                Message("2", "bot", "Bij koorts ga je eerst naar de huisarts.", now.AddMinutes(-1)),
            ],
            CancellationToken.None);
    }

    private static SessionRecord Session(string channel, string id, string pseudonym, DateTimeOffset at, TriageOutcome outcome) => new()
    {
        ChannelId = channel,
        ConversationId = id,
        Pseudonym = pseudonym,
        Started = at,
        ConsentedAt = at,
        Updated = at,
        State = new TriageState
        {
            Step = "result",
            Culture = "nl",
            Answers = ImmutableSortedDictionary<string, Answer>.Empty,
            Outcome = outcome,
        },
    };

    private static TriageOutcome FlaggedOutcome() => new()
    {
        Urgency = "T2",
        Routes = ["gp"],
        RedFlags = ["fever"],
        Completed = true,
        Reasons = [new OutcomeReason("fever", "Koorts: eerst naar de huisarts.") { Evidence = [RedFlagWords] }],
    };

    private static TriageOutcome CalmOutcome(string route) => new()
    {
        Urgency = "T4",
        Routes = [route],
        Completed = true,
        Reasons = [new OutcomeReason("default", "Geen reden om eerst naar een arts te gaan.")],
    };

    private static JsonElement Message(string id, string role, string text, DateTimeOffset at) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["type"] = "message",
            ["id"] = id,
            ["timestamp"] = at.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = new Dictionary<string, string> { ["id"] = role == "bot" ? "bottriage" : "persoon", ["role"] = role },
            ["text"] = text,
        });
}
