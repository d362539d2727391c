using System.Text.Json;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>A restart of the host in the middle of a consented triage, on the real engine and the same SQLite file.</summary>
public sealed class MessagesEndpointRestartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task FinishesATriageInterruptedByARestartWithTheSameOutcomeAsWithout()
    {
        string[] firstHalf = ["hallo", "nee", "ja", "nederlands", "onderrug", "3 weken", "4", "een beetje", "nee", "nee", "nee", "nee"];
        string[] secondHalf = ["nee", "nee", "nee", "ja", "nee", "nee", "nee", "nee", "nee", "nee", "nee", "nee"];
        using (var before = new BotTriageFactory(_data.Path) { ShippedDialogs = true })
        {
            using var client = before.CreateClient();
            foreach (var text in firstHalf)
            {
                await client.ExchangeAsync(text, "conv-restarted");
            }
        }

        // A new host on the same SQLite file: nothing carries over but the file.
        using var after = new BotTriageFactory(_data.Path) { ShippedDialogs = true };
        using var afterClient = after.CreateClient();
        JsonElement[] restarted = [];
        foreach (var text in secondHalf)
        {
            restarted = await afterClient.ExchangeAsync(text, "conv-restarted");
        }

        JsonElement[] uninterrupted = [];
        foreach (var text in firstHalf.Concat(secondHalf))
        {
            uninterrupted = await afterClient.ExchangeAsync(text, "conv-uninterrupted");
        }

        Assert.Equal(uninterrupted.Texts(), restarted.Texts());
        Assert.True(JsonElement.DeepEquals(uninterrupted.Outcome(), restarted.Outcome()));
        Assert.Equal("T2", restarted.Outcome().GetProperty("urgency").GetString());
    }
}
