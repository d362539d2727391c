using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using BotTriage.Bot.Authentication;
using BotTriage.Bot.State;
using BotTriage.Web.Tests.Support;
using Moq;

namespace BotTriage.Web.Tests.Endpoints;

public sealed class MessagesEndpointTests : IDisposable
{
    private readonly BotTriageFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AnswersExpectRepliesWithTheAddressedReplies()
    {
        var client = _factory.CreateClient();
        var incoming = Activities.Message("hoi");

        using var response = await client.PostAsync(incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reply = body.GetProperty("activities")[0];
        Assert.StartsWith("Welkom", reply.Text(), StringComparison.Ordinal);
        Assert.Equal("bot-1", reply.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", reply.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("conv-1", reply.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("webchat", reply.GetProperty("channelId").GetString());
        Assert.Equal((string?)incoming["id"], reply.GetProperty("replyToId").GetString());
        Assert.False(reply.TryGetProperty("id", out _));
        Assert.False(reply.TryGetProperty("timestamp", out _));
        Assert.Equal("imBack", reply.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"channelId":"webchat","conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"","channelId":"webchat","conversation":{"id":"c"}}""")]
    [InlineData("null")]
    public async Task RejectsMalformedActivitiesWithAProblem(string json)
    {
        var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task RejectsABodyOver256KilobytesWith413()
    {
        var client = _factory.CreateClient();
        var activity = Activities.Message(new string('a', 256 * 1024));

        using var response = await client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task RejectsAnUnsizedBodyOver256KilobytesWith413()
    {
        var client = _factory.CreateClient();
        var json = Activities.Message(new string('a', 256 * 1024)).ToJsonString();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task RejectsOtherContentTypesWith415()
    {
        var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(Activities.Message("hoi").ToJsonString(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task RefusesUnauthenticatedRequestsBeforeAnythingRuns(int status)
    {
        var authenticator = new Mock<IChannelAuthenticator>();
        authenticator.Setup(a => a.AuthenticateAsync(It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ChannelAuthenticationResult.Fail(status, "bad token"));
        using var factory = new BotTriageFactory { Authenticator = authenticator.Object };
        var client = factory.CreateClient();

        using var response = await client.PostAsync(Activities.Message("hoi"));

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Null(await factory.Get<ConversationStateStore>().LoadAsync("webchat", "conv-1", CancellationToken.None));
    }

    [Fact]
    public async Task SetsCallerIdFromAuthenticationNotFromTheWire()
    {
        var authenticator = new Mock<IChannelAuthenticator>();
        authenticator.Setup(a => a.AuthenticateAsync(It.IsAny<string?>(), "webchat", "https://channel.test/", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChannelAuthenticationResult(true, 200, new System.Security.Claims.ClaimsIdentity(), "urn:botframework:azure", null));
        using var factory = new BotTriageFactory { Authenticator = authenticator.Object };
        var client = factory.CreateClient();
        var forged = Activities.Message("hoi");
        forged["callerId"] = "urn:botframework:aadappid:forged";

        await client.PostAsync(forged);
        await client.ExchangeAsync("ja");

        var transcript = await factory.Get<BotTriage.Bot.Transcripts.ITranscriptStore>().GetActivitiesAsync("webchat", "conv-1", CancellationToken.None);
        Assert.Equal("urn:botframework:azure", transcript[0].GetProperty("callerId").GetString());
    }

    [Fact]
    public async Task AnswersAnUnhandledInvokeWith501()
    {
        var client = _factory.CreateClient();
        var invoke = Activities.Message("");
        invoke["type"] = "invoke";
        invoke["name"] = "adaptiveCard/action";

        using var response = await client.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task IgnoresUnknownActivityTypesWith200()
    {
        var client = _factory.CreateClient();
        var unknown = Activities.Message("");
        unknown["type"] = "somethingFromTheFuture";

        using var response = await client.PostAsync(unknown);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task PostsRepliesToTheConnectorKeepingTheServiceUrlPath()
    {
        await using var connector = await FakeConnector.StartAsync();
        var client = _factory.CreateClient();
        var incoming = Activities.Message("hoi", conversationId: "a:conv/1", serviceUrl: connector.BaseUrl + "/amer/", expectReplies: false);

        using var response = await client.PostAsync(incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var received = await connector.NextAsync();
        Assert.Equal($"/amer/v3/conversations/a%3Aconv%2F1/activities/{incoming["id"]}", received.Path);
        Assert.Equal("", received.Authorization);
        Assert.StartsWith("Welkom", received.Activity.Text(), StringComparison.Ordinal);
        Assert.Equal("user-1", received.Activity.GetProperty("recipient").GetProperty("id").GetString());
    }

    [Fact]
    public async Task SendsTheOutcomeEventAfterAResult()
    {
        var client = _factory.CreateClient();
        await client.ExchangeAsync("hoi");
        await client.ExchangeAsync("ja");
        await client.ExchangeAsync("rug");

        var replies = await client.ExchangeAsync("4");

        Assert.Equal("Mijn advies: Geen huisarts nodig", replies[0].Text());
        var outcome = replies[1];
        Assert.Equal("event", outcome.GetProperty("type").GetString());
        Assert.Equal("bottriage.outcome", outcome.GetProperty("name").GetString());
        Assert.Equal("physio", outcome.GetProperty("value").GetProperty("routes")[0].GetString());
        Assert.Equal("none", outcome.GetProperty("value").GetProperty("urgency").GetString());
    }

    [Fact]
    public async Task CountsConcurrentMessagesToOneConversationInOrder()
    {
        var client = _factory.CreateClient();
        await client.ExchangeAsync("hoi");
        await client.ExchangeAsync("ja");

        var sends = Enumerable.Range(1, 8).Select(i => client.ExchangeAsync("m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await Task.WhenAll(sends);

        var stored = await _factory.Get<ConversationStateStore>().LoadAsync("webchat", "conv-1", CancellationToken.None);
        Assert.Equal(9, stored!.State.Turn);
        var said = stored.State.Answers["said"].Text!.Split('|');
        Assert.Equal(9, said.Length);
        Assert.Equal(8, said.Skip(1).Distinct().Count());
        var replies = (await Task.WhenAll(sends)).Select(r => r[0].Text()).ToList();
        Assert.Single(replies, "Hoe erg is de pijn, van 0 tot 10?");
    }
}
