using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BotTriage.Bot.Transcripts;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Scale;

/// <summary>Two instances behind one endpoint, sharing PostgreSQL: any turn of a conversation may reach either.</summary>
public sealed class TwoInstancesTests : IDisposable
{
    private static readonly string[] Script = ["hoi", "ja", "stijve kuiten na de marathon", "9"];

    private readonly TwoInstances _instances = new();

    public void Dispose() => _instances.Dispose();

    [Fact]
    public async Task TurnsAlternatedBetweenInstancesEndAsOnOneInstance()
    {
        using var single = new BotTriageFactory();
        using var singleClient = single.CreateClient();
        var expected = new List<JsonElement[]>();
        foreach (var text in Script)
        {
            expected.Add(await singleClient.ExchangeAsync(text, "conv-alternate"));
        }

        var actual = new List<JsonElement[]>();
        for (var turn = 0; turn < Script.Length; turn++)
        {
            actual.Add(await _instances.Clients[turn % 2].ExchangeAsync(Script[turn], "conv-alternate"));
        }

        Assert.Equal(expected.Select(r => r.Texts()), actual.Select(r => r.Texts()));
        Assert.Equal(expected[^1].Outcome().GetRawText(), actual[^1].Outcome().GetRawText());
        var state = (await _instances.LoadAsync("conv-alternate"))!.State;
        Assert.Equal("ja|stijve kuiten na de marathon|9", state.Answers["said"].Text);
        Assert.True(state.Outcome!.Completed);
        var singleTranscript = await single.Get<ITranscriptStore>().GetActivitiesAsync("webchat", "conv-alternate", CancellationToken.None);
        var sharedTranscript = await _instances[1].Get<ITranscriptStore>().GetActivitiesAsync("webchat", "conv-alternate", CancellationToken.None);
        Assert.Equal(singleTranscript.Select(Summary), sharedTranscript.Select(Summary));
    }

    [Fact]
    public async Task FiftyConversationsSentAtOnceAcrossBothInstancesLoseNoAnswer()
    {
        var outcomes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async n =>
        {
            var conversationId = "conv-load-" + n.ToString(CultureInfo.InvariantCulture);
            JsonElement[] replies = [];
            for (var turn = 0; turn < Script.Length; turn++)
            {
                var text = turn == 2 ? $"klacht {n}" : Script[turn];
                replies = await _instances.Clients[(n + turn) % 2].ExchangeAsync(text, conversationId);
            }

            outcomes[conversationId] = string.Join(',', replies.Outcome().GetProperty("routes").Strings());
        }));

        Assert.Equal(50, outcomes.Count);
        Assert.All(outcomes.Values, routes => Assert.Equal("gp", routes));
        var transcripts = _instances[0].Get<ITranscriptStore>();
        for (var n = 0; n < 50; n++)
        {
            var conversationId = "conv-load-" + n.ToString(CultureInfo.InvariantCulture);
            var state = (await _instances.LoadAsync(conversationId))!.State;
            Assert.Equal($"ja|klacht {n}|9", state.Answers["said"].Text);
            var activities = await transcripts.GetActivitiesAsync("webchat", conversationId, CancellationToken.None);
            Assert.Equal(["hoi", "ja", $"klacht {n}", "9"], UserTexts(activities));
        }
    }

    [Fact]
    public async Task MessagesToOneConversationSentAtOnceToBothInstancesAreEachAppliedOnce()
    {
        await _instances.Clients[0].ExchangeAsync("hoi", "conv-race");
        await _instances.Clients[1].ExchangeAsync("ja", "conv-race");
        var before = (await _instances.LoadAsync("conv-race"))!.State;
        var texts = Enumerable.Range(0, 12).Select(i => "bericht " + i.ToString(CultureInfo.InvariantCulture)).ToList();

        await Task.WhenAll(texts.Select((text, i) => _instances.Clients[i % 2].ExchangeAsync(text, "conv-race")));

        var after = (await _instances.LoadAsync("conv-race"))!.State;
        Assert.Equal(before.Turn + texts.Count, after.Turn);
        var said = after.Answers["said"].Text!.Split('|');
        Assert.Equal(texts.Append("ja").Order(StringComparer.Ordinal), said.Order(StringComparer.Ordinal));
        var activities = await _instances[0].Get<ITranscriptStore>().GetActivitiesAsync("webchat", "conv-race", CancellationToken.None);
        Assert.Equal(said, UserTexts(activities).Skip(1));
    }

    [Fact]
    public async Task BeforeConsentNothingIsDurableYetEitherInstanceCarriesOn()
    {
        await _instances.Clients[0].ExchangeAsync("hoi", "conv-consent");
        var stored = await _instances[1].Get<Bot.Storage.IStorage>().ReadAsync(["webchat/conversations/conv-consent"], CancellationToken.None);
        var transcript = await _instances[1].Get<ITranscriptStore>().GetActivitiesAsync("webchat", "conv-consent", CancellationToken.None);

        var replies = await _instances.Clients[1].ExchangeAsync("nee", "conv-consent");

        Assert.Empty(stored);
        Assert.Empty(transcript);
        Assert.Equal(["Wat is je klacht?"], replies.Texts());
        Assert.Empty(await _instances[0].Get<Bot.Storage.IStorage>().ReadAsync(["webchat/conversations/conv-consent"], CancellationToken.None));
        Assert.Equal(["Hoe erg is de pijn, van 0 tot 10?"], (await _instances.Clients[0].ExchangeAsync("rug", "conv-consent")).Texts());
    }

    private static string Summary(JsonElement activity) =>
        $"{activity.GetProperty("type").GetString()}:{activity.GetProperty("from").GetProperty("role").GetString()}:{activity.Text()}";

    private static string[] UserTexts(IEnumerable<JsonElement> activities) =>
        [.. activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.Text() ?? "")];
}
