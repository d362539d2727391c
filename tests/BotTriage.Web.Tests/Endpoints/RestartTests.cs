using BotTriage.Bot.Transcripts;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("bottriage-restart-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task ResumesAConsentedConversationAfterARestart()
    {
        using (var before = new BotTriageFactory(_dataDirectory))
        {
            var client = before.CreateClient();
            await client.ExchangeAsync("hoi");
            await client.ExchangeAsync("ja");
            await client.ExchangeAsync("pijn in mijn knie");
        }

        // A new host on the same SQLite file: nothing carries over but the file.
        using var after = new BotTriageFactory(_dataDirectory);
        var replies = await after.CreateClient().ExchangeAsync("6");

        Assert.Equal("Mijn advies: Geen huisarts nodig", replies[0].Text());
        var logged = await after.Get<ITranscriptStore>().GetActivitiesAsync("webchat", "conv-1", CancellationToken.None);
        Assert.Equal(9, logged.Count);
    }

    [Fact]
    public async Task StartsOverWhenTheRestartCameBeforeConsent()
    {
        using (var before = new BotTriageFactory(_dataDirectory))
        {
            await before.CreateClient().ExchangeAsync("hoi");
        }

        using var after = new BotTriageFactory(_dataDirectory);
        var replies = await after.CreateClient().ExchangeAsync("ja");

        Assert.StartsWith("Welkom", replies[0].Text(), StringComparison.Ordinal);
    }
}
