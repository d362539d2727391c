using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Transcripts;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Teams;

/// <summary>
/// Teams over HTTP, as Azure Bot Service delivers it: channel authentication on, tokens signed by a key endorsed
/// for <c>msteams</c> only, activities shaped as Teams sends them, and the replies caught at a fake Connector that
/// stands in for the regional service (<c>…/emea/</c>).
/// </summary>
public sealed class TeamsConversationTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "5d7c2f3e-8a1b-4c6d-9e0f-1a2b3c4d5e6f";
    private const string Contoso = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Fabrikam = "0d9a6c4e-1111-4222-8333-944455556666";
    private const string Personal = "a:1Fq8Zr0Xk3Jm5Tn7Wp9Yb2Cd4Ef6Gh8";

    private readonly TestTokenIssuer _issuer = new();
    private readonly TestSigningKey _teamsKey;
    private BotTriageFactory _factory = null!;
    private HttpClient _client = null!;
    private FakeConnector _connector = null!;
    private TeamsActivities _teams = null!;

    public TeamsConversationTests() => _teamsKey = _issuer.AddChannelKey("teams-key", ["msteams"]);

    private string ServiceUrl => _connector.BaseUrl + "/emea/";

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _teams = new TeamsActivities(AppId, ServiceUrl);
        _factory = new BotTriageFactory
        {
            Settings =
            [
                new("MicrosoftAppId", AppId),
                .. _issuer.MetadataSettings,
                new("Teams:AllowedTenants:0", Contoso),
                new($"Teams:Workplaces:{Contoso}:EmployerName", "Contoso"),
                new($"Teams:Workplaces:{Contoso}:Routes:physio:NameDutch", "FysioPartner Utrecht"),
                new($"Teams:Workplaces:{Contoso}:Routes:physio:NameEnglish", "FysioPartner Utrecht"),
                new($"Teams:Workplaces:{Contoso}:Routes:physio:BookingUrl", "https://fysiopartner.example/contoso"),
                new($"Teams:Workplaces:{Contoso}:Routes:physio:Phone", "030 123 4567"),
            ],
            AppCredentials = new FixedAppCredentials("outbound-token"),
        };
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _issuer.Dispose();
    }

    [Fact]
    public async Task WelcomesOnceOnInstallAtTheRegionalServiceUrlAndSaysTheEmployerCannotRead()
    {
        var install = _teams.Install(Contoso, Personal);

        var welcome = Assert.Single(await SendAsync(install));
        var again = await SendAsync(_teams.Install(Contoso, Personal));

        Assert.Empty(again);
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(Personal)}/activities/{install["id"]}", welcome.Path);
        var activity = welcome.Activity;
        Assert.StartsWith("Welkom", activity.Text(), StringComparison.Ordinal);
        Assert.Contains("alleen de therapeuten van onze praktijk", activity.Text(), StringComparison.Ordinal);
        Assert.Contains("nooit Contoso", activity.Text(), StringComparison.Ordinal);
        Assert.Equal(TeamsActivities.UserId, activity.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(_teams.BotId, activity.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(Contoso, activity.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal(["Ja", "Nee", "English"], Titles(activity));
    }

    [Fact]
    public async Task DoesNotGreetWhenOnlyTheBotIsAdded()
    {
        var replies = await SendAsync(_teams.Install(Contoso, Personal, withUser: false));

        Assert.Empty(replies);
        Assert.Null(await _factory.Get<ConversationStateStore>().LoadAsync("msteams", Personal, CancellationToken.None));
    }

    [Fact]
    public async Task RunsTheTriageForAnAllowedTenant()
    {
        await SendAsync(_teams.Install(Contoso, Personal));

        var replies = await SendAsync(_teams.Message("ja", Contoso, Personal));

        Assert.Equal("Wat is je klacht?", Assert.Single(replies).Activity.Text());
    }

    [Fact]
    public async Task RefusesAnotherTenantPolitelyAndStoresNothing()
    {
        var install = await SendAsync(_teams.Install(Fabrikam, Personal));

        var replies = await SendAsync(_teams.Message("ik heb al weken last van mijn onderrug", Fabrikam, Personal));

        var refusal = Assert.Single(replies).Activity;
        Assert.StartsWith("Sorry, deze klachtenwijzer is alleen beschikbaar", refusal.Text(), StringComparison.Ordinal);
        Assert.Contains("Sorry, this guide is only available", refusal.Text(), StringComparison.Ordinal);
        Assert.False(refusal.TryGetProperty("suggestedActions", out _));
        Assert.Single(install);
        await AssertNothingStoredAsync(Personal, "onderrug");
    }

    [Theory]
    [InlineData("groupChat", "19:8f3e0a2b5c7d4e6f9a1b3c5d7e9f0a2b@thread.v2")]
    [InlineData("channel", "19:Xy7Kq2Lm9Np4Rs6Tu8Vw0Zb3Cd5Ef1Gh@thread.tacv2;messageid=1712345678901")]
    public async Task ExplainsThatTriageHappensInAPersonalChatAndStoresNothingFromTheGroup(string conversationType, string conversationId)
    {
        var replies = await SendAsync(_teams.Message("mijn nek zit vast", Contoso, conversationId, conversationType));

        var answer = Assert.Single(replies).Activity;
        Assert.StartsWith("Een klacht bespreek je liever niet in een groep", answer.Text(), StringComparison.Ordinal);
        Assert.Contains("Open a personal chat with me", answer.Text(), StringComparison.Ordinal);
        await AssertNothingStoredAsync(conversationId, "nek zit vast");
    }

    [Fact]
    public async Task ExplainsOnceWhenAddedToATeamAndIgnoresOtherGroupUpdates()
    {
        const string channel = "19:Xy7Kq2Lm9Np4Rs6Tu8Vw0Zb3Cd5Ef1Gh@thread.tacv2";

        var added = await SendAsync(_teams.TeamInstall(Contoso, channel));
        var colleagueJoins = _teams.TeamInstall(Contoso, channel);
        colleagueJoins["membersAdded"] = new JsonArray { new JsonObject { ["id"] = "29:colleague" } };
        var later = await SendAsync(colleagueJoins);

        Assert.StartsWith("Een klacht bespreek je liever niet in een groep", Assert.Single(added).Activity.Text(), StringComparison.Ordinal);
        Assert.Empty(later);
        await AssertNothingStoredAsync(channel, "Sales");
    }

    [Fact]
    public async Task ShowsTwoChoicesAndTheLanguageAsSuggestedActionsWithoutAttachments()
    {
        var welcome = Assert.Single(await SendAsync(_teams.Install(Contoso, Personal))).Activity;

        Assert.Equal(3, Titles(welcome).Length);
        Assert.All(welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray(), a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.False(welcome.TryGetProperty("attachments", out _));
    }

    [Fact]
    public async Task OffersMoreThanThreeChoicesOnAnAdaptiveCardInsteadOfSuggestedActions()
    {
        await SendAsync(_teams.Install(Contoso, Personal));
        await SendAsync(_teams.Message("ja", Contoso, Personal));

        var question = Assert.Single(await SendAsync(_teams.Message("rug", Contoso, Personal))).Activity;

        Assert.Equal("Hoe erg is de pijn, van 0 tot 10?", question.Text());
        Assert.False(question.TryGetProperty("suggestedActions", out _));
        var card = AdaptiveCard(question);
        var actions = card.GetProperty("actions").EnumerateArray().ToArray();
        Assert.Equal(["3", "5", "7", "9"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a =>
        {
            Assert.Equal("Action.Submit", a.GetProperty("type").GetString());
            var data = a.GetProperty("data");
            Assert.Equal("messageBack", data.GetProperty("msteams").GetProperty("type").GetString());
            Assert.Equal(a.GetProperty("title").GetString(), data.GetProperty("msteams").GetProperty("text").GetString());
            Assert.Equal(a.GetProperty("title").GetString(), data.GetProperty("bottriageChoice").GetString());
        });
    }

    [Fact]
    public async Task ReadsAPressedCardButtonBackAsTheAnswerEvenWithoutText()
    {
        await SendAsync(_teams.Install(Contoso, Personal));
        await SendAsync(_teams.Message("ja", Contoso, Personal));
        await SendAsync(_teams.Message("rug", Contoso, Personal));

        var replies = await SendAsync(_teams.Submit("9", Contoso, Personal));

        var result = replies[0].Activity;
        Assert.Equal("Mijn advies: Neem binnen 24 uur contact op met de huisarts", result.Text());
        Assert.Equal("T3", replies.Select(r => r.Activity).Outcome().GetProperty("urgency").GetString());
        var stored = await _factory.Get<ConversationStateStore>().LoadAsync("msteams", Personal, CancellationToken.None);
        Assert.Equal("ja|rug|9", stored!.State.Answers["said"].Text);
    }

    [Fact]
    public async Task SendsTheResultAsAnAdaptiveCardWithTheWorkplacePartnerWhenNothingIsUrgent()
    {
        await SendAsync(_teams.Install(Contoso, Personal));
        await SendAsync(_teams.Message("ja", Contoso, Personal));
        await SendAsync(_teams.Message("rug", Contoso, Personal));

        var result = (await SendAsync(_teams.Submit("5", Contoso, Personal)))[0].Activity;

        Assert.False(result.TryGetProperty("suggestedActions", out _));
        var card = AdaptiveCard(result);
        var texts = CardTexts(card);
        Assert.Contains("fysiotherapeut", card.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Via het vitaliteitsprogramma van Contoso:", texts);
        Assert.Contains("Bel FysioPartner Utrecht: 030 123 4567", texts);
        Assert.Contains(texts, t => t.StartsWith("Dit is een advies over waar je terechtkunt, geen diagnose", StringComparison.Ordinal));
        var book = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", book.GetProperty("type").GetString());
        Assert.Equal("https://fysiopartner.example/contoso", book.GetProperty("url").GetString());
    }

    [Fact]
    public async Task LeavesTheWorkplaceBookingOffTheResultWhenADoctorIsNeeded()
    {
        await SendAsync(_teams.Install(Contoso, Personal));
        await SendAsync(_teams.Message("ja", Contoso, Personal));
        await SendAsync(_teams.Message("rug", Contoso, Personal));

        var result = (await SendAsync(_teams.Submit("9", Contoso, Personal)))[0].Activity;

        var card = AdaptiveCard(result);
        Assert.Contains("Neem binnen 24 uur contact op met de huisarts", CardTexts(card));
        Assert.DoesNotContain("FysioPartner", card.GetRawText(), StringComparison.Ordinal);
        Assert.False(card.TryGetProperty("actions", out _));
    }

    [Fact]
    public async Task TagsEveryTranscriptEntryOfAWorkplaceConversationWithItsTenant()
    {
        await SendAsync(_teams.Install(Contoso, Personal));
        await SendAsync(_teams.Message("ja", Contoso, Personal));

        await SendAsync(_teams.Message("rug", Contoso, Personal));

        var transcript = await _factory.Get<ITranscriptStore>().GetActivitiesAsync("msteams", Personal, CancellationToken.None);
        Assert.True(transcript.Count >= 5);
        Assert.All(transcript, a => Assert.Equal(Contoso, a.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task RemembersAnExplicitLanguageChoiceForThePersonsNextConversation()
    {
        await SendAsync(_teams.Install(Contoso, Personal));
        var switched = await SendAsync(_teams.Message("English", Contoso, Personal));

        var next = Assert.Single(await SendAsync(_teams.Install(Contoso, "a:1SecondConversationAfterReinstall"))).Activity;

        Assert.Equal("We'll continue in English.", Assert.Single(switched).Activity.Text());
        Assert.StartsWith("Welcome!", next.Text(), StringComparison.Ordinal);
        Assert.Contains("never by Contoso", next.Text(), StringComparison.Ordinal);
        Assert.Equal(["Yes", "No", "Nederlands"], Titles(next));
    }

    [Fact]
    public async Task TakesTheLocaleOnlyAsAFirstGuessBeforeAChoiceIsMade()
    {
        var english = _teams.Install(Contoso, Personal);
        english["locale"] = "en-US";
        Assert.StartsWith("Welcome!", Assert.Single(await SendAsync(english)).Activity.Text(), StringComparison.Ordinal);
        await SendAsync(_teams.Message("nederlands", Contoso, Personal));

        var again = _teams.Install(Contoso, "a:1SecondConversationAfterReinstall");
        again["locale"] = "en-US";
        var next = Assert.Single(await SendAsync(again)).Activity;

        Assert.StartsWith("Welkom!", next.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesATeamsActivitySignedWithAKeyNotEndorsedForTeams()
    {
        var webChatKey = _issuer.AddChannelKey("webchat-only", ["webchat"]);
        var token = _issuer.CreateToken(new TestTokenDescriptor { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = webChatKey });

        // Words with a space and a comma, which the data-protection key ring's base64 can never hold by chance.
        using var response = await _client.PostAsync(_teams.Message("hoi, mijn rug", Contoso, Personal), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync(Personal, "hoi, mijn rug");
    }

    /// <summary>Posts as Azure Bot Service would and returns what the bot sent to the Connector in that turn.</summary>
    private async Task<IReadOnlyList<ReceivedActivity>> SendAsync(JsonObject activity)
    {
        var token = _issuer.CreateToken(new TestTokenDescriptor { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = _teamsKey });
        using var response = await _client.PostAsync(activity, "Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = new List<ReceivedActivity>();
        while (_connector.Pending > 0)
        {
            received.Add(await _connector.NextAsync());
        }

        return received;
    }

    private async Task AssertNothingStoredAsync(string conversationId, string userText)
    {
        Assert.Null(await _factory.Get<ConversationStateStore>().LoadAsync("msteams", conversationId, CancellationToken.None));
        var durable = await _factory.Get<IStorage>().ReadAsync(
            [ConversationKeys.Conversation("msteams", conversationId), ConversationKeys.User("msteams", TeamsActivities.UserId)],
            CancellationToken.None);
        Assert.Empty(durable);
        Assert.Empty(await _factory.Get<ITranscriptStore>().GetActivitiesAsync("msteams", conversationId, CancellationToken.None));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, userText));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, conversationId));
    }

    private static string[] Titles(JsonElement activity) =>
        [.. activity.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString() ?? "")];

    private static JsonElement AdaptiveCard(JsonElement activity)
    {
        var attachment = Assert.Single(activity.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        return card;
    }

    /// <summary>Every TextBlock's text on the card, containers included, in order.</summary>
    private static string[] CardTexts(JsonElement card) => [.. Texts(card.GetProperty("body"))];

    private static IEnumerable<string> Texts(JsonElement elements)
    {
        foreach (var element in elements.EnumerateArray())
        {
            if (element.GetProperty("type").GetString() == "TextBlock")
            {
                yield return element.GetProperty("text").GetString() ?? "";
            }
            else if (element.TryGetProperty("items", out var items))
            {
                foreach (var text in Texts(items))
                {
                    yield return text;
                }
            }
        }
    }
}
