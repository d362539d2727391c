using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.DirectLine;

/// <summary>
/// The chat page's whole exchange as Web Chat with <c>webSocket: false</c> performs it: the page's token, the
/// conversation start with the locale, polling from no watermark, posts with <c>clientActivityID</c> that count as
/// sent only when echoed with an id, choices answered by their buttons' <c>imBack</c> values, and a token refresh.
/// </summary>
public sealed class DirectLineJsFlowTests : IDisposable
{
    private readonly BotTriageFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CompletesATriageTheWayDirectLineJsDrivesIt()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.GetPageTokenAsync();
        using (var started = await client.StartConversationAsync(locale: "nl-NL"))
        {
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        }

        var welcome = Assert.Single(await client.PollAsync());
        var yes = ButtonValues(welcome)[0];

        var complaint = await SendAndReadReplyAsync(client, yes);
        var painQuestion = await SendAndReadReplyAsync(client, "al een week last van mijn nek");
        using (var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", client.Token))
        {
            Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
            client.Token = (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        }

        var result = await SendAndReadReplyAsync(client, ButtonValues(painQuestion)[0]);

        Assert.Equal("Ja", yes);
        Assert.Equal("Wat is je klacht?", complaint.GetProperty("text").GetString());
        Assert.Equal(["3", "5", "7", "9"], ButtonValues(painQuestion));
        Assert.Equal("Mijn advies: Geen huisarts nodig", result.GetProperty("text").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", result.GetProperty("attachments")[0].GetProperty("contentType").GetString());
    }

    private static async Task<JsonElement> SendAndReadReplyAsync(DirectLineClient client, string text)
    {
        var (response, clientActivityId) = await client.PostMessageAsync(text);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        response.Dispose();

        var activities = await client.PollAsync();

        // Web Chat's rule for "sent": an incoming activity with this clientActivityID and an id.
        var echo = Assert.Single(activities, a => a.TryGetProperty("channelData", out var data) && data.GetProperty("clientActivityID").GetString() == clientActivityId);
        Assert.Equal(id, echo.GetProperty("id").GetString());
        return Assert.Single(activities, a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() == "bot");
    }

    private static List<string> ButtonValues(JsonElement activity) =>
        [.. activity.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("value").GetString()!)];
}
