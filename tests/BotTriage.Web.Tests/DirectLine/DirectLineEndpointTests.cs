using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotTriage.Bot.State;
using BotTriage.Testing;
using BotTriage.Web.DirectLine;
using BotTriage.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Web.Tests.DirectLine;

public sealed class DirectLineEndpointTests : IDisposable
{
    private const string Secret = "test-direct-line-secret-0123456789";
    private const string BookingUrl = "https://praktijk.example/boeken/fysio";

    private readonly BotTriageFactory _factory = new()
    {
        Settings = [new("Booking:Routes:physio", BookingUrl), new("DirectLine:MaxActivitiesPerConversation", "12")],
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PageTokenStartsAnAnonymousVisitorWithoutASecret()
    {
        var client = new DirectLineClient(_factory.CreateClient());

        var body = await client.GetPageTokenAsync();

        Assert.StartsWith("dl_", client.UserId, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("conversationId").GetString()));
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        Assert.DoesNotContain(Secret, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingAConversationAnswers201AndTheBotWelcomesBeforeTheVisitorTypes()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        var token = await client.GetPageTokenAsync();

        using var started = await client.StartConversationAsync(locale: "nl-NL");
        using var again = await client.StartConversationAsync();

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var body = client.LastStart;
        Assert.Equal(token.GetProperty("conversationId").GetString(), body.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        Assert.StartsWith("ws://", body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var activities = await client.PollAsync();
        var welcome = Assert.Single(activities);
        Assert.StartsWith("Welkom", welcome.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());
    }

    [Fact]
    public async Task PostedActivityIsStampedEchoedWithItsClientActivityIdAndAnswered()
    {
        var client = await StartedAsync();

        var (response, clientActivityId) = await client.PostMessageAsync("ja");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var activities = await client.PollAsync();
        var echo = activities.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal(clientActivityId, echo.GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("ja", echo.GetProperty("text").GetString());
        Assert.Equal(client.UserId, echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(client.ConversationId, echo.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("directline", echo.GetProperty("channelId").GetString());
        Assert.EndsWith("Z", echo.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost", echo.GetProperty("serviceUrl").GetString(), StringComparison.Ordinal);
        var reply = activities.Single(a => a.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == id);
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("Wat is je klacht?", reply.GetProperty("text").GetString());
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.NotEqual(id, reply.GetProperty("id").GetString());
        response.Dispose();
    }

    [Fact]
    public async Task PollingReturnsOnlyWhatCameAfterTheWatermark()
    {
        var client = await StartedAsync();
        await client.PollAsync();

        (await client.PostMessageAsync("ja")).Response.Dispose();
        var first = await client.PollAsync();
        var second = await client.PollAsync();

        Assert.Equal(["ja", "Wat is je klacht?"], first.Select(a => a.GetProperty("text").GetString()));
        Assert.Empty(second);
    }

    [Fact]
    public async Task UnreadableWatermarkIsABadRequest()
    {
        var client = await StartedAsync();

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=abc", client.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TokenOfAnotherConversationIsForbidden()
    {
        var alice = await StartedAsync();
        var bob = await StartedAsync();

        using var read = await alice.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}/activities", alice.Token);
        var (post, _) = await alice.PostMessageAsync("ja", bob.ConversationId);
        using var reconnect = await alice.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{bob.ConversationId}", alice.Token);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Single(await bob.PollAsync());
        post.Dispose();
    }

    [Fact]
    public async Task MissingOrForgedTokenIsRefused()
    {
        var client = await StartedAsync();
        var forged = client.Token![..^4] + (client.Token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var missing = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", bearer: null);
        using var wrong = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task ExpiredTokenIsForbidden()
    {
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = new DirectLineClient(factory.CreateClient());
        await client.GetPageTokenAsync();
        (await client.StartConversationAsync()).Dispose();

        clock.Advance(TimeSpan.FromMinutes(31));
        using var poll = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token);
        using var refresh = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", client.Token);

        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task OversizedActivityIsRejectedWith413AndNotLogged()
    {
        var client = await StartedAsync();
        var activity = new JsonObject { ["type"] = "message", ["text"] = new string('a', 300 * 1024) };

        using var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Single(await client.PollAsync());
    }

    [Fact]
    public async Task MalformedActivityIsABadRequest()
    {
        var client = await StartedAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token, new StringContent("{\"type\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FailingBotTurnAnswers502AndTheApologyReachesTheLog()
    {
        var client = await StartedAsync();

        var (response, _) = await client.PostMessageAsync("boom");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var texts = (await client.PollAsync()).Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains("boom", texts);
        Assert.Contains(texts, t => t is not null && t.StartsWith("Er ging aan onze kant iets mis", StringComparison.Ordinal));
        response.Dispose();
    }

    [Fact]
    public async Task AVisitorCarriesOnAfterARestartWithTheTokenTheyHold()
    {
        using var directory = new TempDirectory();
        DirectLineClient before;
        using (var first = new BotTriageFactory(directory.Path))
        {
            before = new DirectLineClient(first.CreateClient());
            await before.GetPageTokenAsync();
            (await before.StartConversationAsync()).Dispose();
            await before.PollAsync();
            (await before.PostMessageAsync("ja")).Response.Dispose();
            Assert.Contains("Wat is je klacht?", Texts(await before.PollAsync()));
        }

        // The page still holds its token and watermark; the new process has no log of the conversation.
        using var second = new BotTriageFactory(directory.Path);
        var after = before.MovedTo(second.CreateClient());
        using var reconnect = await after.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{after.ConversationId}?watermark={after.Watermark}", after.Token);
        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        var (posted, _) = await after.PostMessageAsync("stijve kuiten");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        posted.Dispose();

        Assert.Equal(["stijve kuiten", "Hoe erg is de pijn, van 0 tot 10?"], Texts(await after.PollAsync()));
        var state = await second.Get<ConversationStateStore>().LoadAsync(DirectLineEndpoints.ChannelId, after.ConversationId!, CancellationToken.None);
        Assert.Equal("ja|stijve kuiten", state!.State.Answers["said"].Text);
    }

    [Fact]
    public async Task ATokenFromAnotherKeyRingIsRefused()
    {
        var client = await StartedAsync();
        using var other = new BotTriageFactory();
        var stranger = client.MovedTo(other.CreateClient());

        using var response = await stranger.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReconnectGivesANewStreamUrlForTheSameConversation()
    {
        var client = await StartedAsync();

        using var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=1", client.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(client.ConversationId, body.GetProperty("conversationId").GetString());
        Assert.Contains(client.ConversationId!, body.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshGivesANewTokenForTheSameConversation()
    {
        var client = await StartedAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", client.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(client.ConversationId, body.GetProperty("conversationId").GetString());
        client.Token = body.GetProperty("token").GetString();
        Assert.Single(await client.PollAsync());
    }

    [Fact]
    public async Task GenerateIsOffWithoutASecret()
    {
        var client = new DirectLineClient(_factory.CreateClient());

        using var response = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GenerateWithTheSecretGivesATokenThatStartsItsConversation()
    {
        using var factory = new BotTriageFactory { Settings = [new("DirectLine:Secret", Secret)] };
        var client = new DirectLineClient(factory.CreateClient());
        var user = new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_visitor-7", ["name"] = "Sam" } };

        using var wrong = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", "not-the-secret");
        using var badUser = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret, DirectLineClient.Json(new JsonObject { ["user"] = new JsonObject { ["id"] = "visitor" } }));
        using var generated = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", Secret, DirectLineClient.Json(user));

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var body = await generated.Content.ReadFromJsonAsync<JsonElement>();
        client.Token = body.GetProperty("token").GetString();
        client.UserId = "dl_visitor-7";
        using var started = await client.StartConversationAsync();
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(body.GetProperty("conversationId").GetString(), client.ConversationId);
        var (post, _) = await client.PostMessageAsync("ja");
        var echo = (await client.PollAsync()).Single(a => a.GetProperty("text").GetString() == "ja");
        Assert.Equal("dl_visitor-7", echo.GetProperty("from").GetProperty("id").GetString());
        post.Dispose();
    }

    [Fact]
    public async Task ResultReplyCarriesTheAdaptiveCardWithTheBookingButton()
    {
        var client = await StartedAsync();

        foreach (var text in new[] { "ja", "rugpijn", "3" })
        {
            (await client.PostMessageAsync(text)).Response.Dispose();
        }

        var result = (await client.PollAsync()).Single(a => a.TryGetProperty("attachments", out _));
        Assert.Equal("Mijn advies: Geen huisarts nodig", result.GetProperty("text").GetString());
        var attachment = Assert.Single(result.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Contains("fysiotherapeut", card.GetRawText(), StringComparison.Ordinal);
        var action = Assert.Single(card.GetProperty("actions").EnumerateArray());
        Assert.Equal("Action.OpenUrl", action.GetProperty("type").GetString());
        Assert.Equal(BookingUrl, action.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ErasingOnRequestEmptiesTheLogOfEverythingBefore()
    {
        var client = await StartedAsync();
        (await client.PostMessageAsync("ja")).Response.Dispose();
        (await client.PostMessageAsync("mijn onderrug doet pijn")).Response.Dispose();

        (await client.PostMessageAsync("wis")).Response.Dispose();

        using var all = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token);
        var texts = (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Equal(["wis", "Je gegevens zijn verwijderd."], texts);
    }

    [Fact]
    public async Task ConversationLogIsCapped()
    {
        var client = await StartedAsync();

        for (var i = 0; i < 10; i++)
        {
            (await client.PostMessageAsync("nog iets " + i)).Response.Dispose();
        }

        using var all = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Token);
        var activities = (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities");
        Assert.Equal(12, activities.GetArrayLength());
        Assert.DoesNotContain(activities.EnumerateArray(), a => a.GetProperty("text").GetString()!.StartsWith("Welkom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamSendsTheWelcomeOverTheWebSocket()
    {
        var client = await StartedAsync();
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}", client.Token);
        var streamUrl = (await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!;

        using var socket = await _factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var frame = await socket.ReceiveAsync(buffer, CancellationToken.None);

        using var set = JsonDocument.Parse(buffer.AsMemory(0, frame.Count));
        Assert.StartsWith("Welkom", set.RootElement.GetProperty("activities")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", set.RootElement.GetProperty("watermark").GetString());
    }

    [Fact]
    public async Task ClosesTheOlderStreamWithCollisionWhenASecondOneConnects()
    {
        var client = await StartedAsync();
        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}", client.Token);
        var streamUrl = new Uri((await reconnect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streamUrl").GetString()!);
        var buffer = new byte[64 * 1024];
        using var first = await _factory.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None);
        Assert.Equal(WebSocketMessageType.Text, (await first.ReceiveAsync(buffer, CancellationToken.None)).MessageType);

        using var second = await _factory.Server.CreateWebSocketClient().ConnectAsync(streamUrl, CancellationToken.None);

        // Activities that reached the older stream before the second connected may still come first (the welcome's
        // messages are delivered one by one); after them, the older stream is closed.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        WebSocketReceiveResult closing;
        do
        {
            closing = await first.ReceiveAsync(buffer, timeout.Token);
        }
        while (closing.MessageType == WebSocketMessageType.Text);

        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal("collision", first.CloseStatusDescription);
        Assert.Equal(WebSocketMessageType.Text, (await second.ReceiveAsync(buffer, CancellationToken.None)).MessageType);
    }

    private static List<string?> Texts(IEnumerable<JsonElement> activities) =>
        [.. activities.Where(a => a.GetProperty("type").GetString() == "message").Select(a => a.GetProperty("text").GetString())];

    private async Task<DirectLineClient> StartedAsync()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.GetPageTokenAsync();
        using var response = await client.StartConversationAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return client;
    }
}
