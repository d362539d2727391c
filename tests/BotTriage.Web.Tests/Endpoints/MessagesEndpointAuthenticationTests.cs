using System.Net;
using System.Text.Json.Nodes;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Transcripts;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>
/// Channel authentication over HTTP with real RSA-signed tokens: the host is configured with an app id and fetches
/// the signing keys from a <see cref="TestTokenIssuer"/> on loopback, exactly as it would from Azure Bot Service.
/// </summary>
public sealed class MessagesEndpointAuthenticationTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "0b1d9a52-7c3e-4f6a-9e21-b07714a9e001";
    private const string OutboundToken = "outbound-token";
    private const string ConversationId = "conv-auth";

    private readonly TestTokenIssuer _issuer = new();
    private readonly BotTriageFactory _factory;
    private readonly HttpClient _client;
    private FakeConnector _connector = null!;

    public MessagesEndpointAuthenticationTests()
    {
        _factory = new BotTriageFactory
        {
            Settings = [new("MicrosoftAppId", AppId), .. _issuer.MetadataSettings],
            AppCredentials = new FixedAppCredentials(OutboundToken),
        };
        _client = _factory.CreateClient();
    }

    private string ServiceUrl => _connector.BaseUrl + "/";

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _issuer.Dispose();
    }

    [Fact]
    public async Task AcceptsAValidChannelTokenAndReplies()
    {
        var token = _issuer.CreateChannelToken(AppId, ServiceUrl);

        using var response = await _client.PostAsync(Message("hoi", expectReplies: true), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await response.RepliesAsync();
        Assert.StartsWith("Welkom", replies[0].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostsTheRepliesOfAnAuthenticatedTurnToTheConnectorWithTheBotsOwnToken()
    {
        var token = _issuer.CreateChannelToken(AppId, ServiceUrl);
        var incoming = Message("hoi", expectReplies: false);

        using var response = await _client.PostAsync(incoming, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _connector.NextAsync();
        Assert.Equal($"/v3/conversations/{ConversationId}/activities/{incoming["id"]}", received.Path);
        Assert.Equal("Bearer " + OutboundToken, received.Authorization);
        Assert.StartsWith("Welkom", received.Activity.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptsATokenThatExpiredWithinTheFiveMinuteClockSkew()
    {
        var now = DateTimeOffset.UtcNow;
        var token = _issuer.CreateToken(new TestTokenDescriptor
        {
            Audience = AppId,
            ServiceUrl = ServiceUrl,
            NotBefore = now.AddHours(-1),
            Expires = now.AddMinutes(-3),
        });

        using var response = await _client.PostAsync(Message("hoi", expectReplies: true), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    [InlineData("expired beyond the clock skew")]
    [InlineData("not yet valid beyond the clock skew")]
    [InlineData("bad signature")]
    [InlineData("unpublished key")]
    [InlineData("tampered claims")]
    [InlineData("serviceurl of another channel")]
    [InlineData("no serviceurl claim")]
    [InlineData("missing header")]
    [InlineData("basic scheme")]
    [InlineData("empty bearer")]
    [InlineData("not a jwt")]
    public async Task RefusesABadTokenWith401BeforeAnythingRuns(string problem)
    {
        var authorization = Authorization(problem);

        using var response = await _client.PostAsync(Message("hoi", expectReplies: false), authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingRanAsync();
    }

    [Fact]
    public async Task RefusesAKeyNotEndorsedForTheChannelWith403BeforeAnythingRuns()
    {
        var teamsOnly = _issuer.AddChannelKey("teams-only-key", ["msteams"]);
        var token = _issuer.CreateToken(new TestTokenDescriptor { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = teamsOnly });

        using var response = await _client.PostAsync(Message("hoi", expectReplies: false), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingRanAsync();
    }

    [Fact]
    public async Task AcceptsTheSameKeyOnAChannelItIsEndorsedFor()
    {
        var teamsOnly = _issuer.AddChannelKey("teams-only-key", ["msteams"]);
        var token = _issuer.CreateToken(new TestTokenDescriptor { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = teamsOnly });

        using var response = await _client.PostAsync(Message("hoi", expectReplies: true, channelId: "msteams"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Welkom", (await response.RepliesAsync())[0].Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task AcceptsEmulatorTokensOfBothVersions(string version)
    {
        var token = _issuer.CreateEmulatorToken(AppId, version);

        using var response = await _client.PostAsync(Message("hoi", expectReplies: true, channelId: "emulator"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Welkom", (await response.RepliesAsync())[0].Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task RefusesEmulatorTokensOfAnotherApp(string version)
    {
        var token = _issuer.CreateEmulatorToken("another-app", version);

        using var response = await _client.PostAsync(Message("hoi", expectReplies: false, channelId: "emulator"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingRanAsync("emulator");
    }

    [Fact]
    public async Task StampsTheAzureCallerIdInsteadOfTheOneSentOnTheWire()
    {
        var hello = Message("hoi", expectReplies: true);
        hello["callerId"] = "urn:botframework:aadappid:forged";
        var consent = Message("ja", expectReplies: true);
        consent["callerId"] = "urn:botframework:aadappid:forged";
        (await _client.PostAsync(hello, "Bearer " + _issuer.CreateChannelToken(AppId, ServiceUrl))).EnsureSuccessStatusCode();

        (await _client.PostAsync(consent, "Bearer " + _issuer.CreateChannelToken(AppId, ServiceUrl))).EnsureSuccessStatusCode();

        var transcript = await _factory.Get<ITranscriptStore>().GetActivitiesAsync("webchat", ConversationId, CancellationToken.None);
        var fromUser = transcript.Where(a => a.GetProperty("from").GetProperty("id").GetString() == "user-1").ToList();
        Assert.Equal(2, fromUser.Count);
        Assert.All(fromUser, a => Assert.Equal("urn:botframework:azure", a.GetProperty("callerId").GetString()));
    }

    private JsonObject Message(string text, bool expectReplies, string channelId = "webchat") =>
        Activities.Message(text, ConversationId, ServiceUrl, expectReplies, channelId: channelId);

    private string? Authorization(string problem)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = new TestTokenDescriptor { Audience = AppId, ServiceUrl = ServiceUrl };
        return problem switch
        {
            "wrong audience" => Bearer(valid with { Audience = "another-app" }),
            "wrong issuer" => Bearer(valid with { Issuer = "https://api.botframework.example" }),
            "expired beyond the clock skew" => Bearer(valid with { NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-6) }),
            "not yet valid beyond the clock skew" => Bearer(valid with { NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) }),
            // Signed by a key the issuer never published, under the published key's id.
            "bad signature" => Bearer(valid with { SigningKey = _issuer.CreateUnpublishedKey("rogue"), KeyId = _issuer.ChannelKey.KeyId }),
            "unpublished key" => Bearer(valid with { SigningKey = _issuer.CreateUnpublishedKey("rogue") }),
            "tampered claims" => Tamper(_issuer.CreateToken(valid with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }), ServiceUrl),
            "serviceurl of another channel" => Bearer(valid with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }),
            "no serviceurl claim" => Bearer(valid with { ServiceUrl = null }),
            "missing header" => null,
            "basic scheme" => "Basic " + Convert.ToBase64String("user:password"u8),
            "empty bearer" => "Bearer ",
            "not a jwt" => "Bearer not-a-token",
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "No such case."),
        };
    }

    private string Bearer(TestTokenDescriptor descriptor) => "Bearer " + _issuer.CreateToken(descriptor);

    /// <summary>Rewrites the signed payload's serviceurl to the one the activity has, keeping header and signature.</summary>
    private static string Tamper(string token, string serviceUrl)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(parts[1]))!;
        payload["serviceurl"] = serviceUrl;
        return $"Bearer {parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private async Task AssertNothingRanAsync(string channelId = "webchat")
    {
        Assert.Equal(0, _connector.Pending);
        Assert.Null(await _factory.Get<ConversationStateStore>().LoadAsync(channelId, ConversationId, CancellationToken.None));
        var durable = await _factory.Get<IStorage>().ReadAsync([ConversationKeys.Conversation(channelId, ConversationId), ConversationKeys.User(channelId, "user-1")], CancellationToken.None);
        Assert.Empty(durable);
        Assert.Empty(await _factory.Get<ITranscriptStore>().GetActivitiesAsync(channelId, ConversationId, CancellationToken.None));
    }
}
