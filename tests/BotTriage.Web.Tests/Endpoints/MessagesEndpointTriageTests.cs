using System.Net;
using System.Text.Json;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>Whole triages over HTTP on the real engine and the shipped dialogs, as a channel would drive them.</summary>
public sealed class MessagesEndpointTriageTests : IDisposable
{
    private readonly BotTriageFactory _factory = new() { ShippedDialogs = true };
    private readonly HttpClient _client;

    public MessagesEndpointTriageTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task WelcomesWithTheConsentQuestionAndItsChoicesAsImBackButtons()
    {
        var replies = await _client.ExchangeAsync("hallo", "conv-nl");

        var welcome = Assert.Single(replies);
        Assert.StartsWith("Eerst even dit", welcome.Text(), StringComparison.Ordinal);
        Assert.Contains("pijn op de borst", welcome.Text(), StringComparison.Ordinal);
        var actions = welcome.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().ToList();
        Assert.All(actions, a => Assert.Equal("imBack", a.GetProperty("type").GetString()));
        Assert.Equal(["ja", "nee", "weet ik niet"], actions.Select(a => a.GetProperty("value").GetString()));
        Assert.Equal(["ja", "nee", "weet ik niet"], actions.Select(a => a.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task RoutesADutchLowBackComplaintWithFeverToTheGpToday()
    {
        await _client.ExchangeAsync("hallo", "conv-nl");
        Assert.StartsWith("Welkom!", (await _client.ExchangeAsync("nee", "conv-nl")).Texts()[0], StringComparison.Ordinal);
        Assert.Equal("In welke taal wil je verder: Nederlands of Engels?", (await _client.ExchangeAsync("ja", "conv-nl")).Texts()[0]);
        Assert.Equal("Waar heb je last van? Je mag meer plekken noemen, en zeggen of het links, rechts of aan beide kanten is.", (await _client.ExchangeAsync("nederlands", "conv-nl")).Texts()[^1]);
        Assert.Equal(["Ik noteer: onderrug.", "Hoe lang heb je er al last van?"], (await _client.ExchangeAsync("onderrug", "conv-nl")).Texts()[..2]);
        await _client.ExchangeAsync("3 weken", "conv-nl");
        await _client.ExchangeAsync("4", "conv-nl");
        Assert.Equal("Ben je plotseling kracht of gevoel kwijtgeraakt in een arm, been of je gezicht, of heb je opeens moeite met praten?", (await _client.ExchangeAsync("een beetje", "conv-nl")).Texts()[0]);
        for (var i = 0; i < 6; i++)
        {
            await _client.ExchangeAsync("nee", "conv-nl");
        }

        Assert.Equal("Heb je koorts of koude rillingen, of voel je je erg ziek?", (await _client.ExchangeAsync("nee", "conv-nl")).Texts()[0]);
        await _client.ExchangeAsync("ja", "conv-nl");
        for (var i = 0; i < 7; i++)
        {
            await _client.ExchangeAsync("nee", "conv-nl");
        }

        var replies = await _client.ExchangeAsync("nee", "conv-nl");

        Assert.Contains("Mijn advies: Dringend: neem vandaag contact op met de huisarts", replies.Texts());
        Assert.Contains("Dringend: neem vandaag contact op met de huisarts", CardStrings(replies));
        Assert.Equal("event", replies[^1].GetProperty("type").GetString());
        var outcome = replies.Outcome();
        Assert.Contains("gp", outcome.GetProperty("routes").Strings());
        Assert.Equal(["fever"], outcome.GetProperty("redFlags").Strings());
        Assert.Equal("T2", outcome.GetProperty("urgency").GetString());
        Assert.True(outcome.GetProperty("completed").GetBoolean());
        Assert.False(outcome.GetProperty("emergency").GetBoolean());
    }

    [Fact]
    public async Task AdvisesARunnersLegsMassageForStiffCalvesAfterAMarathonInEnglish()
    {
        Assert.StartsWith("First of all", (await Exchange("hello"))[0].Text(), StringComparison.Ordinal);
        Assert.StartsWith("Welcome!", (await Exchange("no"))[0].Text(), StringComparison.Ordinal);
        await Exchange("yes");
        await Exchange("english");
        // The marathon 4 days ago answers the question on running too, which is then not asked.
        Assert.Equal("Noted: calf (both sides) and marathon, about 4 days.", (await Exchange("my calves are stiff since the marathon, about 4 days")).Texts()[0]);
        string[] answers = ["3", "a little", .. Enumerable.Repeat("no", 12), .. Enumerable.Repeat("not at all", 4), .. Enumerable.Repeat("no", 4)];
        foreach (var answer in answers)
        {
            await Exchange(answer);
        }

        var replies = await Exchange("no");

        Assert.Contains(CardStrings(replies), t => t.Contains("runners' legs massage", StringComparison.Ordinal));
        var outcome = replies.Outcome();
        Assert.Equal(["runners-legs"], outcome.GetProperty("massageTypes").Strings());
        Assert.Contains("massage", outcome.GetProperty("routes").Strings());
        Assert.Empty(outcome.GetProperty("redFlags").Strings());
        Assert.Contains(outcome.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("rule").GetString() == "after-a-race");
        Assert.True(outcome.GetProperty("completed").GetBoolean());

        Task<JsonElement[]> Exchange(string text) => _client.ExchangeAsync(text, "conv-en", locale: "en-US");
    }

    // A conversation's very first message, with no welcome before it, is read for an emergency all the same.
    [Theory]
    [InlineData("ik heb pijn op de borst", "Bel nu 112")]
    [InlineData("ik wil dood", "0800-0113")]
    public async Task AnEmergencyInTheFirstMessageIsAdvisedAtOnce(string message, string advice)
    {
        var replies = await _client.ExchangeAsync(message, "conv-first");

        Assert.Contains(replies.Texts(), t => t.Contains(advice, StringComparison.Ordinal));
        Assert.True(replies.Outcome().GetProperty("emergency").GetBoolean());
    }

    // So is whom the person asks for: said first, with the welcome's question after it.
    [Fact]
    public async Task WhomThePersonAsksForInTheFirstMessageIsSaidBeforeTheWelcomesQuestion()
    {
        var replies = await _client.ExchangeAsync("hallo, ik vraag dit voor mijn vader", "conv-behalf");

        var texts = replies.Texts().ToList();
        Assert.Contains("Je vraagt dit voor iemand anders", texts[0], StringComparison.Ordinal);
        Assert.Contains("pijn op de borst", texts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(texts, t => t!.Contains("begreep ik niet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InterruptsATriageWithTheEmergencyAdviceWhenChestPainIsMentioned()
    {
        await _client.ExchangeAsync("hallo", "conv-112");
        await _client.ExchangeAsync("nee", "conv-112");
        await _client.ExchangeAsync("ja", "conv-112");
        await _client.ExchangeAsync("nederlands", "conv-112");
        await _client.ExchangeAsync("onderrug", "conv-112");

        var replies = await _client.ExchangeAsync("ik heb pijn op de borst", "conv-112");

        Assert.Contains(replies.Texts(), t => t.Contains("Bel nu 112", StringComparison.Ordinal));
        var outcome = replies.Outcome();
        Assert.True(outcome.GetProperty("emergency").GetBoolean());
        Assert.Equal("T0", outcome.GetProperty("urgency").GetString());
        Assert.Contains("emergency-112", outcome.GetProperty("routes").Strings());
    }

    [Fact]
    public async Task OffersAButtonToGoOnAfterTheSuicidePreventionAdvice()
    {
        foreach (var text in new[] { "hallo", "nee", "ja", "nederlands", "onderrug" })
        {
            await _client.ExchangeAsync(text, "conv-113");
        }

        var replies = await _client.ExchangeAsync("ik wil niet meer leven", "conv-113");

        Assert.Contains(replies.Texts(), t => t.Contains("0800-0113", StringComparison.Ordinal));
        Assert.True(replies.Outcome().GetProperty("emergency").GetBoolean());
        var offer = Assert.Single(replies, r => r.TryGetProperty("suggestedActions", out _));
        var button = Assert.Single(offer.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray());
        Assert.Equal("verder met de vragen", button.GetProperty("value").GetString());

        var resumed = await _client.ExchangeAsync("verder met de vragen", "conv-113");

        Assert.Equal(["Goed, we gaan verder. 113 is er voor je, dag en nacht, als je wilt praten.", "Hoe lang heb je er al last van?"], resumed.Texts());
    }

    [Fact]
    public async Task PostsRepliesOfANormalDeliveryTurnToTheConnectorAsReplies()
    {
        await using var connector = await FakeConnector.StartAsync();
        var incoming = Activities.Message("hallo", "conv-post", connector.BaseUrl + "/", expectReplies: false);

        using var response = await _client.PostAsync(incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await connector.NextAsync();
        Assert.Equal($"/v3/conversations/conv-post/activities/{incoming["id"]}", received.Path);
        Assert.StartsWith("Eerst even dit", received.Activity.Text(), StringComparison.Ordinal);
        Assert.Equal((string?)incoming["id"], received.Activity.GetProperty("replyToId").GetString());
        Assert.Equal("imBack", received.Activity.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("type").GetString());
        Assert.Equal(0, connector.Pending);
    }

    [Fact]
    public async Task PostsTheOutcomeEventToTheConnectorAfterTheAdvice()
    {
        await using var connector = await FakeConnector.StartAsync();
        string[] script = ["hallo", "nee", "nee", "nederlands", "onderrug", "3 weken", "4", "een beetje", "nee", "nee", "nee", "nee", "nee", "nee", "nee", "ja", "nee", "nee", "nee", "nee", "nee", "nee", "nee"];
        foreach (var text in script)
        {
            using var earlier = await _client.PostAsync(Activities.Message(text, "conv-post", connector.BaseUrl + "/", expectReplies: false));
            earlier.EnsureSuccessStatusCode();
        }

        while (connector.Pending > 0)
        {
            await connector.NextAsync();
        }

        var last = Activities.Message("nee", "conv-post", connector.BaseUrl + "/", expectReplies: false);

        using var response = await _client.PostAsync(last);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = new List<ReceivedActivity>();
        while (connector.Pending > 0)
        {
            received.Add(await connector.NextAsync());
        }

        Assert.All(received, r => Assert.Equal($"/v3/conversations/conv-post/activities/{last["id"]}", r.Path));
        var outcome = received[^1].Activity;
        Assert.Equal("bottriage.outcome", outcome.GetProperty("name").GetString());
        Assert.Equal("T2", outcome.GetProperty("value").GetProperty("urgency").GetString());
    }

    /// <summary>Every string on the result card of <paramref name="replies"/>: the card is the result on this channel.</summary>
    private static List<string> CardStrings(IReadOnlyList<JsonElement> replies)
    {
        var card = replies.Single(r => r.TryGetProperty("attachments", out _)).GetProperty("attachments")[0].GetProperty("content");
        var strings = new List<string>();
        Collect(card, strings);
        return strings;

        static void Collect(JsonElement element, List<string> strings)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    strings.Add(element.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, strings);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value, strings);
                    }

                    break;
            }
        }
    }
}
