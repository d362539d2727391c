using System.Net;
using System.Text;
using BotTriage.Bot.Authentication;
using BotTriage.Bot.Connector;
using BotTriage.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace BotTriage.Bot.Tests.Connector;

public class ConnectorClientTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "a:1", "17", "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities/17")]
    [InlineData("https://smba.trafficmanager.net/amer", "a:1", null, "https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities")]
    [InlineData("http://127.0.0.1:5000", "conv/with spaces", "id|1", "http://127.0.0.1:5000/v3/conversations/conv%2Fwith%20spaces/activities/id%7C1")]
    public void BuildsTheUrlKeepingThePathPrefixAndEscapingIds(string serviceUrl, string conversationId, string? replyToId, string expected)
    {
        var uri = ConnectorClient.BuildActivitiesUri(serviceUrl, conversationId, replyToId);

        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public async Task PostsTheActivityWithTheBearerToken()
    {
        var handler = new RecordingHandler("""{"id":"r-1"}""");
        var client = Create(handler, "token-123");

        var response = await client.SendAsync(Reply(), CancellationToken.None);

        Assert.Equal("r-1", response.Id);
        Assert.Equal(HttpMethod.Post, handler.Request!.Method);
        Assert.Equal("https://smba.trafficmanager.net/amer/v3/conversations/a%3A1/activities/in-1", handler.Request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer token-123", handler.Request.Headers.Authorization!.ToString());
        Assert.Contains("\"text\":\"Welkom\"", handler.Body, StringComparison.Ordinal);
        Assert.Equal("application/json", handler.Request.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task SendsNoAuthorizationWithoutAToken()
    {
        var handler = new RecordingHandler("");
        var client = Create(handler, null);

        var response = await client.SendAsync(Reply(), CancellationToken.None);

        Assert.Null(handler.Request!.Headers.Authorization);
        Assert.Null(response.Id);
    }

    [Fact]
    public async Task FailsWhenTheConnectorRefuses()
    {
        var client = Create(new RecordingHandler("", HttpStatusCode.Forbidden), null);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Reply(), CancellationToken.None));
    }

    private static Activity Reply() => new Activity
    {
        Type = ActivityTypes.Message,
        Text = "Welkom",
        ServiceUrl = "https://smba.trafficmanager.net/amer/",
        Conversation = new ConversationAccount("a:1"),
        ReplyToId = "in-1",
    };

    private static ConnectorClient Create(HttpMessageHandler handler, string? token)
    {
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(ConnectorClient.HttpClientName)).Returns(() => new HttpClient(handler, disposeHandler: false));
        var credentials = new Mock<IAppCredentials>();
        credentials.Setup(c => c.GetTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(token);
        return new ConnectorClient(factory.Object, credentials.Object, NullLogger<ConnectorClient>.Instance);
    }

    private sealed class RecordingHandler(string responseBody, HttpStatusCode status = HttpStatusCode.OK) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string Body { get; private set; } = "";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(responseBody, Encoding.UTF8, "application/json") };
        }
    }
}
