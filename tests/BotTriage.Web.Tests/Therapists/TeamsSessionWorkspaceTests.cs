using System.Net;
using System.Text.RegularExpressions;
using BotTriage.Bot.Privacy;
using BotTriage.Bot.Sessions;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Tests.Teams;
using BotTriage.Web.Therapists;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>
/// A workplace conversation held in Teams (scripted engine, channel authentication off) as the workspace shows it:
/// listed under its channel, its card button presses read back as the person's words, and therapists only.
/// </summary>
public sealed class TeamsSessionWorkspaceTests : IDisposable
{
    private const string Contoso = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Conversation = "a:1Teams0Werkplek0Gesprek";
    private const string PressedComplaint = "<i>rug</i> & nek";
    private const string Detail = "/therapists/session?channel=msteams&id=a%3A1Teams0Werkplek0Gesprek";

    private readonly BotTriageFactory _factory = WorkspaceClient.CreateFactory(
        new("Therapists:Accounts:2:UserName", "bram"),
        new("Therapists:Accounts:2:PasswordHash", PasswordHasher.Hash("bram-wachtwoord")),
        new("Therapists:Accounts:2:Roles:0", TherapistRoles.Therapist),
        new("Therapists:Accounts:2:Roles:1", TherapistRoles.Admin));

    private readonly HttpClient _browser;
    private readonly TeamsActivities _teams = new("bot-app", "https://smba.trafficmanager.net/emea/");

    public TeamsSessionWorkspaceTests() => _browser = _factory.CreateBrowser();

    public void Dispose()
    {
        _browser.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task ListsATeamsSessionUnderItsChannelAndShowsPressedButtonsAsThePersonsWords()
    {
        await TriageInTeamsAsync();
        using (var login = await _browser.LoginAsync("anna", WorkspaceClient.TherapistPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var list = await _browser.GetStringAsync("/therapists?channel=msteams");
        var detail = await _browser.GetStringAsync(Detail);

        Assert.Equal(1, Regex.Count(list, "<td>msteams</td>"));
        Assert.Contains("/therapists/session?channel=msteams&amp;id=a%3A1Teams0Werkplek0Gesprek", list, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode("msteams / " + Conversation), detail, StringComparison.Ordinal);
        Assert.Contains("<div class=\"bubble user\">&lt;i&gt;rug&lt;/i&gt; &amp; nek<time>", detail, StringComparison.Ordinal);
        Assert.Contains("<div class=\"bubble user\">9<time>", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>rug", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<div class=\"bubble user\"><time>", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Detail)]
    [InlineData("/therapists/session/export/transcript?channel=msteams&id=a%3A1Teams0Werkplek0Gesprek")]
    [InlineData("/therapists?channel=msteams")]
    public async Task KeepsATeamsSessionFromAnyoneWithoutTheTherapistRole(string path)
    {
        await TriageInTeamsAsync();
        using var admin = _factory.CreateBrowser();
        using var login = await admin.LoginAsync("beheer", WorkspaceClient.AdminPassword);
        using var both = _factory.CreateBrowser();
        using var bothLogin = await both.LoginAsync("bram", "bram-wachtwoord");

        using var anonymous = await _browser.GetAsync(path);
        using var adminOnly = await admin.GetAsync(path);
        using var therapistAndAdmin = await both.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("https://localhost/therapists/login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, adminOnly.StatusCode);
        Assert.StartsWith("https://localhost/therapists/denied", adminOnly.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, therapistAndAdmin.StatusCode);
        Assert.Contains("msteams", await therapistAndAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Consent typed, then the complaint and the pain score pressed on card buttons, which send no text.</summary>
    private async Task TriageInTeamsAsync()
    {
        foreach (var activity in new[]
        {
            _teams.Install(Contoso, Conversation),
            _teams.Message("ja", Contoso, Conversation),
            _teams.Submit(PressedComplaint, Contoso, Conversation),
            _teams.Submit("9", Contoso, Conversation),
        })
        {
            activity["deliveryMode"] = "expectReplies";
            using var response = await _browser.PostAsync(activity);
            response.EnsureSuccessStatusCode();
        }

        var stored = await _factory.Get<ISessionStore>().GetAsync("msteams", Conversation, CancellationToken.None);
        Assert.Equal("gp", Assert.Single(stored!.Routes));
    }
}
